/** What a sync and "Load older" use unless told otherwise. */
export const SYNC_DEFAULTS = {
  /** Bodies saved for the newest this many articles, unless the stored retention rule says. */
  maxArticles: 200,
  timeoutMs: 15_000,
  concurrency: 4,
  /** Most articles per transaction: each costs a commit, so few large ones stay near a bare put. */
  batchSize: 500,
  /** Most summaries the background crawl stores. */
  crawlCap: 10_000,
} as const;
