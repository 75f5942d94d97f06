import { getDb, getStorageSettings, putStorageSettings, type CrawlProgress } from '../db';
import { problem, type FeedProblem } from '../feed/problems';
import { requestSync } from '../sync/client';
import { SYNC_DEFAULTS } from '../sync/defaults';
import { library } from './library.svelte';
import { syncStatus } from './sync-status.svelte';

export type OlderPagesStatus = 'idle' | 'loading' | 'done' | 'offline' | 'error';

/** Older pages of a paged feed: loaded on demand ("Load older"), or crawled in the background. */
class OlderPages {
  /** 'done' is not kept here: it follows from what is stored (library.hasOlder). */
  #status = $state<'idle' | 'loading' | 'offline' | 'error'>('idle');
  #error = $state.raw<FeedProblem | null>(null);
  #problems = $state.raw<FeedProblem[]>([]);
  #added = $state(0);
  #crawlEnabled = $state(false);
  /** Counts the reader's choices, so that a slow read never undoes a tap made while it ran. */
  #choices = 0;

  /** Most summaries the background crawl saves. */
  readonly crawlCap: number = SYNC_DEFAULTS.crawlCap;

  /** Why the last load failed ('offline' or 'error'). */
  get error(): FeedProblem | null {
    return this.#error;
  }

  /** Entries the last load skipped, and a `next` loop that ended the feed. */
  get problems(): FeedProblem[] {
    return this.#problems;
  }

  /** Summaries the last successful load added. */
  get added(): number {
    return this.#added;
  }

  /** The reader's "Save older pages in the background" setting. */
  get crawlEnabled(): boolean {
    return this.#crawlEnabled;
  }

  /** 'done' once the last page of the feed is stored. */
  get status(): OlderPagesStatus {
    if (this.#status === 'idle' && library.phase === 'ready' && !library.hasOlder) return 'done';
    return this.#status;
  }

  /** Whether the feed has pages beyond those stored. */
  get hasMore(): boolean {
    return library.hasOlder;
  }

  /** The background crawl's progress while a sync runs it, else its last state. */
  get crawl(): CrawlProgress | null {
    const crawl = syncStatus.record.crawl ?? null;
    if (crawl?.state === 'running' && syncStatus.status !== 'syncing') return null;
    return crawl;
  }

  /** Fetch and store the next older page of the feed. Never rejects. */
  async load(): Promise<void> {
    if (this.#status === 'loading' || (library.phase === 'ready' && !library.hasOlder)) return;
    this.#status = 'loading';
    try {
      // The parser and the sync code load only when the reader asks for older articles.
      const { loadOlderNow } = await import('../sync/run');
      const result = await loadOlderNow();
      await library.refresh();
      this.#error = result.failure;
      this.#problems = result.problems;
      this.#added = result.summaries;
      this.#status =
        result.status === 'offline' || result.status === 'error' ? result.status : 'idle';
    } catch (error) {
      // A chunk that could not load (offline with a stale worker) or storage that failed.
      const detail = error instanceof Error ? error.message : String(error);
      this.#error = problem('storage', 'index.json', detail);
      this.#status = 'error';
    }
  }

  async readSetting(): Promise<void> {
    const choices = this.#choices;
    try {
      const stored = (await getStorageSettings(await getDb())).crawlOlder === true;
      if (choices === this.#choices) this.#crawlEnabled = stored;
    } catch (error) {
      console.warn('Could not read the older pages setting', error);
    }
  }

  async setCrawl(enabled: boolean): Promise<void> {
    this.#choices += 1;
    this.#crawlEnabled = enabled;
    try {
      await putStorageSettings(await getDb(), { crawlOlder: enabled });
      if (enabled) await requestSync();
    } catch (error) {
      console.warn('Could not save the older pages setting', error);
      await this.readSetting();
    }
  }
}

export const olderPages = new OlderPages();
