// The search engine as one object: the index, the indexer that fills it from IndexedDB, and the
// status of the build. Runs in the search worker; tests run it in-process.
//
// The index is persisted (search-store.ts) after every refresh that changed it, and loaded when
// the service starts: a repeat visit is ready as soon as the record is read, and the refresh
// that follows only reconciles what changed since. Only a missing, older-format or torn record
// means a full build.
import type { FolioDB } from '../db';
import { deletionCount } from '../db/deletions';
import { bodiesAmong, loadSearchIndex, saveSearchIndex, storedKeys } from '../db/search-store';
import { Indexer, yieldToEvents } from './indexer';
import type { IndexStatus } from './protocol';
import { SearchIndex, type SearchRequest, type SearchResults } from './search-index';
import { PHRASE_BATCH, PHRASE_CANDIDATES, PhraseTexts } from './phrase-texts';
import { parseQuery } from './query';
import { parseSnapshot, SNAPSHOT_FORMAT, type Snapshot } from './snapshot';
import { warmUp } from './warm-up';

export interface StatusReport {
  status: IndexStatus;
  /** Translations indexed. */
  documents: number;
  /** Articles looked at by the running refresh. */
  seen: number;
}

export interface ServiceOptions {
  /** Between batches of a refresh (tests pass one that does not wait). */
  pause?: () => Promise<void>;
  /**
   * After a saved index is loaded, the refresh that reconciles it with IndexedDB waits until no
   * query has come for this long. It is a safety net (the service worker keeps the saved index
   * in step with its syncs), and walking every summary while the reader types slowed the first
   * queries several times over. 0: at once.
   */
  quietBeforeReconcile?: number;
}

export class SearchService {
  private readonly index = new SearchIndex();
  private readonly indexer: Indexer;
  private status: IndexStatus = 'building';
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  /** The count of deleting transactions (deletions.ts) this index reflects. */
  private deletions = 0;
  /** Set when the index differs from what is persisted. */
  private dirty = false;
  private warmed = false;
  private lastQueryAt = 0;
  /** Queries asked so far: a phrase query stops reading bodies once a newer one is asked. */
  private asked = 0;
  private readonly quietBeforeReconcile: number;

  constructor(
    private readonly db: () => Promise<FolioDB>,
    private readonly onStatus: (report: StatusReport) => void = () => {},
    { pause = yieldToEvents, quietBeforeReconcile = 0 }: ServiceOptions = {},
  ) {
    this.indexer = new Indexer(this.index, db, pause);
    this.quietBeforeReconcile = quietBeforeReconcile;
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
      if (this.status === 'ready') await this.readerQuiet();
    }
    do {
      this.again = false;
      const before = this.status;
      let changed = false;
      try {
        // Read first: a deletion while the refresh walks the stores counts as not seen.
        const deletions = await deletionCount(await this.db());
        const done = await this.indexer.refresh((progress) => {
          // Progress is news during the first build only; later refreshes report when done.
          if (this.status !== 'building') return;
          this.onStatus({ status: 'building', documents: this.index.size, seen: progress.seen });
        });
        changed = done.indexed + done.dropped > 0;
        // Only the saved record needs the new count: the page has nothing new to ask for.
        if (deletions !== this.deletions) this.dirty = true;
        this.deletions = deletions;
        this.status = 'ready';
      } catch (error) {
        console.error('Could not index saved articles', error);
        // A later refresh may succeed (storage back); until then the index keeps what it has.
        if (this.status === 'building') this.status = 'failed';
      }
      // Unchanged, the report would only make the page ask its query again for the same answer.
      if (changed || this.status !== before) {
        this.onStatus({ status: this.status, documents: this.index.size, seen: 0 });
      }
      if (changed || this.dirty) await this.persist();
    } while (this.again);
  }

  /** Loads the persisted index, if there is a usable one, and reports ready at once. */
  private async restore(): Promise<void> {
    try {
      const db = await this.db();
      const [record, deletions] = await Promise.all([loadSearchIndex(db), deletionCount(db)]);
      const snapshot = record ? parseSnapshot(record.format, record.data) : null;
      if (!snapshot) return;
      this.index.load(snapshot.index);
      this.indexer.importVersions(snapshot.versions);
      this.deletions = deletions;
      // Something was deleted since the index was saved: what it refers to is checked first.
      if (snapshot.deletions !== deletions) {
        const keys = await storedKeys(db);
        const orphans = await bodiesAmong(db, this.indexer.orphanIds());
        this.indexer.dropMissing({ ...keys, orphans });
        this.dirty = true;
      }
    } catch (error) {
      console.error('Could not load the saved search index; rebuilding it', error);
      this.index.clear();
      this.indexer.importVersions({ ids: [], values: [] });
      return;
    }
    this.status = 'ready';
    this.onStatus({ status: 'ready', documents: this.index.size, seen: 0 });
  }

  /**
   * Compiles the query path before the reader's first queries (warm-up.ts): for the owner of a
   * service that answers readers, once it is ready and before it says so; later calls do nothing.
   */
  warmUp(): void {
    if (this.warmed || this.status !== 'ready') return;
    this.warmed = true;
    warmUp(this.index);
  }

  /**
   * Saves the index packed (which also drops stale ids), and keeps the packed form in memory:
   * typed arrays instead of growable lists.
   */
  private async persist(): Promise<void> {
    try {
      const index = this.index.pack();
      this.index.load(index);
      const snapshot: Snapshot = {
        index,
        versions: this.indexer.exportVersions(),
        deletions: this.deletions,
      };
      await saveSearchIndex(await this.db(), SNAPSHOT_FORMAT, snapshot);
      this.dirty = false;
    } catch (error) {
      // The index in memory still answers; the next visit rebuilds or reconciles.
      console.error('Could not save the search index', error);
    }
  }

  /** Resolves once no query has come for `quietBeforeReconcile` ms. */
  private async readerQuiet(): Promise<void> {
    this.lastQueryAt = performance.now();
    for (;;) {
      const wait = this.lastQueryAt + this.quietBeforeReconcile - performance.now();
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  async query(request: SearchRequest): Promise<{ results: SearchResults; status: IndexStatus }> {
    this.lastQueryAt = performance.now();
    this.asked++;
    if (parseQuery(request.query).phrases.length === 0) {
      return { results: this.index.search(request), status: this.status };
    }
    const asked = this.asked;
    const candidates = this.index.candidates(request, PHRASE_CANDIDATES);
    const db = await this.db();
    const texts = new PhraseTexts();
    let read = 0;
    let results: SearchResults;
    do {
      const batch = candidates.slice(read, read + PHRASE_BATCH);
      await texts.read(db, batch);
      read += batch.length;
      results = this.index.search(request, texts.check);
    } while (
      read < candidates.length &&
      (results.partial || results.total < request.limit) &&
      // A newer query came while this one read (the reader typed on): it is not waited for.
      asked === this.asked
    );
    const unread = read < candidates.length || candidates.length === PHRASE_CANDIDATES;
    return { results: { ...results, capped: unread && !results.partial }, status: this.status };
  }
}
