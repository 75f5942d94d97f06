// Bench page: fills the app's own database (same origin, same name) through the app's own
// write functions, and times the app's category query. bench/run.mjs calls window.folioBench.
import {
  getFeedMeta,
  openFolioDb,
  putStorageSettings,
  setRead,
  storeArticles,
  storePage,
  summariesInCategories,
  type FolioDB,
  type StoredArticle,
  type StoredSummary,
} from '../../src/lib/db';
import {
  feedRootOf,
  fileLabel,
  parseArticleFile,
  readPages,
  type Language,
  type ParsedSummary,
} from '../../src/lib/feed';

type CategoryQuery = (db: FolioDB, category: string, limit: number) => Promise<StoredSummary[]>;

// The list helper's dedicated query module, when it exists; the category index query otherwise.
const listQueries = import.meta.glob<Record<string, unknown>>('../../src/lib/db/list-queries.ts');

async function categoryQuery(): Promise<{ name: string; run: CategoryQuery }> {
  const load = Object.values(listQueries)[0];
  if (load) {
    const module = await load();
    for (const name of ['newestInCategory', 'latestInCategory', 'summariesInCategory']) {
      const found = module[name];
      if (typeof found === 'function') {
        return { name: `list-queries.${name}`, run: found as CategoryQuery };
      }
    }
  }
  return {
    name: 'categories.summariesInCategories',
    run: (db, category, limit) => summariesInCategories(db, [category], limit),
  };
}

const fetchFeed = (input: string, init?: RequestInit) => fetch(input, init);
const TIMEOUT_MS = 60_000;
/** Bodies written per transaction while seeding. */
const SEED_BATCH = 250;
/** One article in this many is marked read: the reader's layer at a size a year of use gives. */
const READ_EVERY = 3;
/** Read marks written per transaction. */
const READ_BATCH = 1000;

export interface SeedResult {
  summaries: number;
  bodies: number;
  failures: number;
  ms: number;
  /** Of which writing bodies (storeArticles). */
  storeMs: number;
  /** Articles marked read, through the app's setRead. */
  read: number;
}

/**
 * Stores every page of the feed as a sync would (storePage), then every article file of the
 * `bodies` bundles (arrays of article files, written by bench/lib/setup.mjs) through the app's
 * parseArticleFile and storeArticles. Retention is set to "all" first, so the app's next sync
 * keeps all of them.
 */
async function seed(options: { feedUrl: string; bodies: string[] }): Promise<SeedResult> {
  const started = performance.now();
  const db = await openFolioDb();
  try {
    await putStorageSettings(db, { retention: 'all' });
    const summaries: ParsedSummary[] = [];
    let languages: Language[] = [];
    for await (const page of readPages(options.feedUrl, {
      fetch: fetchFeed,
      timeoutMs: TIMEOUT_MS,
    })) {
      await storePage(db, { feedUrl: options.feedUrl, ...page });
      summaries.push(...page.summaries);
      if (page.info) languages = page.info.languages;
    }
    let bodies = 0;
    let failures = 0;
    let storeMs = 0;
    if (options.bodies.length > 0) {
      const root = feedRootOf(options.feedUrl);
      const byId = new Map(summaries.map((summary) => [summary.id, summary]));
      for (const bundle of options.bodies) {
        const response = await fetch(bundle);
        if (!response.ok) throw new Error(`${bundle}: HTTP ${response.status}`);
        const files: unknown = await response.json();
        if (!Array.isArray(files)) throw new Error(`${bundle} is not an array`);
        let batch: StoredArticle[] = [];
        const flush = async () => {
          const writing = batch;
          batch = [];
          const start = performance.now();
          await storeArticles(db, writing);
          storeMs += performance.now() - start;
          bodies += writing.length;
        };
        for (const file of files) {
          const id = (file as { id?: unknown }).id;
          const summary = typeof id === 'string' ? byId.get(id) : undefined;
          if (!summary) {
            failures++;
            continue;
          }
          try {
            // The app's own parser, as fetchArticle runs it on a fetched file.
            const article = parseArticleFile(file, {
              label: fileLabel(summary.href, root),
              expectedId: summary.id,
              languages,
            });
            batch.push({ ...article, url: summary.href, fetchedAt: Date.now() });
          } catch (error) {
            failures++;
            console.error(error);
          }
          if (batch.length >= SEED_BATCH) await flush();
        }
        await flush();
      }
    }
    const read = summaries.filter((_, index) => index % READ_EVERY === 0).map(({ id }) => id);
    for (let at = 0; at < read.length; at += READ_BATCH) {
      await setRead(db, read.slice(at, at + READ_BATCH), true);
    }
    return {
      summaries: summaries.length,
      bodies,
      failures,
      ms: performance.now() - started,
      storeMs,
      read: read.length,
    };
  } finally {
    db.close();
  }
}

export interface QueryTimes {
  query: string;
  ms: number[];
  /** Records each query returned: 20 when the category has that many. */
  returned: number[];
}

/** Times the newest `limit` of one category, cycling through the feed's categories. */
async function timeCategoryQuery(options: {
  iterations: number;
  limit: number;
}): Promise<QueryTimes> {
  const { name, run } = await categoryQuery();
  const db = await openFolioDb();
  try {
    const meta = await getFeedMeta(db);
    const categories = meta?.categories.map((category) => category.id) ?? [];
    if (categories.length === 0) throw new Error('no categories saved: seed first');
    const ms: number[] = [];
    const returned: number[] = [];
    // One untimed round: the first query of a connection opens the index.
    for (const category of categories) await run(db, category, options.limit);
    for (let i = 0; i < options.iterations; i++) {
      const category = categories[i % categories.length] as string;
      const start = performance.now();
      const found = await run(db, category, options.limit);
      ms.push(performance.now() - start);
      returned.push(found.length);
    }
    return { query: name, ms, returned };
  } finally {
    db.close();
  }
}

const api = { seed, timeCategoryQuery };
export type SeedApi = typeof api;
(globalThis as unknown as { folioBench: SeedApi }).folioBench = api;
document.documentElement.dataset.benchReady = 'true';
