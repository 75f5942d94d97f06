// The search engine as one object: the index, the indexer that fills it from IndexedDB, and the
// status of the build. Runs in the search worker; tests run it in-process.
//
// The index is persisted (search-store.ts) after every refresh that changed it, and loaded when
// the service starts: a repeat visit is ready as soon as the record is read, and the refresh
// that follows only reconciles what changed since. Only a missing, older-format or torn record
// means a full build.
import type { FolioDB } from '../db';
import { loadSearchIndex, saveSearchIndex, storedKeys } from '../db/search-store';
import { Indexer, yieldToEvents } from './indexer';
import type { IndexStatus } from './protocol';
import { SearchIndex, type SearchRequest, type SearchResults } from './search-index';
import { parseSnapshot, SNAPSHOT_FORMAT, type Snapshot } from './snapshot';

export interface StatusReport {
  status: IndexStatus;
  /** Translations indexed. */
  documents: number;
  /** Articles looked at by the running refresh. */
  seen: number;
}

export class SearchService {
  private readonly index = new SearchIndex();
  private readonly indexer: Indexer;
  private status: IndexStatus = 'building';
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  /** Set when the index differs from what is persisted. */
  private dirty = false;

  constructor(
    private readonly db: () => Promise<FolioDB>,
    private readonly onStatus: (report: StatusReport) => void = () => {},
    pause: () => Promise<void> = yieldToEvents,
  ) {
    this.indexer = new Indexer(this.index, db, pause);
  }

  /** Brings the index up to date; calls made while one runs fold into one more run after it. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.restore();
    }
    do {
      this.again = false;
      let changed = false;
      try {
        const done = await this.indexer.refresh((progress) => {
          // Progress is news during the first build only; later refreshes report when done.
          if (this.status !== 'building') return;
          this.onStatus({ status: 'building', documents: this.index.size, seen: progress.seen });
        });
        changed = done.indexed + done.dropped > 0;
        this.status = 'ready';
      } catch (error) {
        console.error('Could not index saved articles', error);
        // A later refresh may succeed (storage back); until then the index keeps what it has.
        if (this.status === 'building') this.status = 'failed';
      }
      this.onStatus({ status: this.status, documents: this.index.size, seen: 0 });
      if (changed || this.dirty) await this.persist();
    } while (this.again);
  }

  /** Loads the persisted index, if there is a usable one, and reports ready at once. */
  private async restore(): Promise<void> {
    try {
      const db = await this.db();
      const record = await loadSearchIndex(db);
      const snapshot = record ? parseSnapshot(record.format, record.data) : null;
      if (!snapshot) return;
      this.index.load(snapshot.index);
      this.indexer.importVersions(snapshot.versions);
      this.dirty = this.indexer.dropMissing(await storedKeys(db)) > 0;
    } catch (error) {
      console.error('Could not load the saved search index; rebuilding it', error);
      this.index.clear();
      this.indexer.importVersions({ ids: [], values: [] });
      return;
    }
    this.warmUp();
    this.status = 'ready';
    this.onStatus({ status: 'ready', documents: this.index.size, seen: 0 });
  }

  /**
   * One throwaway prefix query, so the reader's first query does not also pay for compiling the
   * query path (it took twice as long as the next ones on a fresh worker).
   */
  private warmUp(): void {
    this.index.search({ query: 'e', lang: null, category: null, preferLang: 'en', limit: 20 });
  }

  /**
   * Saves the index packed (which also drops stale ids), and keeps the packed form in memory:
   * typed arrays instead of growable lists.
   */
  private async persist(): Promise<void> {
    try {
      const index = this.index.pack();
      this.index.load(index);
      const snapshot: Snapshot = { index, versions: this.indexer.exportVersions() };
      await saveSearchIndex(await this.db(), SNAPSHOT_FORMAT, snapshot);
      this.dirty = false;
    } catch (error) {
      // The index in memory still answers; the next visit rebuilds or reconciles.
      console.error('Could not save the search index', error);
    }
  }

  query(request: SearchRequest): { results: SearchResults; status: IndexStatus } {
    return { results: this.index.search(request), status: this.status };
  }
}
