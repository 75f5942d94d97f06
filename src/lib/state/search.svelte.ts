import { workerBackend, type SearchBackend } from '../search/backend';
import type { IndexStatus } from '../search/protocol';
import type { SearchHit, SearchRequest } from '../search/search-index';

/** 'idle': search not used yet this visit, so no worker and no index (start-up stays light). */
export type SearchIndexStatus = 'idle' | IndexStatus;

export type SearchPhase = 'empty' | 'searching' | 'done';

/** Results shown at first and added by each "Show more". */
export const PAGE_SIZE = 50;

/** Offline search: the worker is started on first use (the search field or the search page). */
class SearchState {
  #status = $state<SearchIndexStatus>('idle');
  #documents = $state(0);
  #phase = $state<SearchPhase>('empty');
  #hits = $state.raw<SearchHit[]>([]);
  #total = $state(0);
  #capped = $state(false);
  #partial = $state(false);
  #answered = $state.raw<SearchRequest | null>(null);

  #backend: SearchBackend | null = null;
  #stopListening: (() => void) | null = null;
  #latest: SearchRequest | null = null;
  #sequence = 0;
  #markedReady = false;

  get status(): SearchIndexStatus {
    return this.#status;
  }

  /** Translations indexed so far. */
  get documents(): number {
    return this.#documents;
  }

  get phase(): SearchPhase {
    return this.#phase;
  }

  get hits(): SearchHit[] {
    return this.#hits;
  }

  get total(): number {
    return this.#total;
  }

  /** More matched than `total` counts. */
  get capped(): boolean {
    return this.#capped;
  }

  /** Nothing matched every term: the hits are the closest matches. */
  get partial(): boolean {
    return this.#partial;
  }

  /** The request the shown results answer. */
  get answered(): SearchRequest | null {
    return this.#answered;
  }

  /** Starts indexing if it has not started; cheap to call again. */
  start(): void {
    if (this.#backend) return;
    // With 'folio:search-ready', what the bench reads: how long loading or building the index took.
    performance.mark('folio:search-start');
    this.connect(workerBackend());
  }

  /** Uses `backend` from now on (tests pass an in-process one). */
  connect(backend: SearchBackend): void {
    this.#stopListening?.();
    this.#backend = backend;
    this.#status = 'building';
    this.#documents = 0;
    this.#hits = [];
    this.#total = 0;
    this.#phase = 'empty';
    this.#answered = null;
    this.#latest = null;
    this.#stopListening = backend.onStatus((report) => {
      this.#status = report.status;
      this.#documents = report.documents;
      if (report.status === 'ready' && !this.#markedReady) {
        this.#markedReady = true;
        performance.mark('folio:search-ready');
      }
      // A build finished (the first, or after a sync): the shown results may have changed.
      if (report.status === 'ready' && this.#latest) void this.run(this.#latest);
    });
  }

  async run(request: SearchRequest): Promise<void> {
    this.start();
    const backend = this.#backend;
    if (!backend) return;
    this.#latest = request;
    if (request.query.trim() === '') {
      this.#sequence++;
      this.#phase = 'empty';
      this.#hits = [];
      this.#total = 0;
      this.#capped = false;
      this.#partial = false;
      this.#answered = request;
      return;
    }
    const sequence = ++this.#sequence;
    this.#phase = 'searching';
    const start = performance.now();
    const answer = await backend.query(request);
    performance.measure('folio:search-query', { start, end: performance.now() });
    if (sequence !== this.#sequence) return;
    this.#status = answer.status;
    this.#hits = answer.results.hits;
    this.#total = answer.results.total;
    this.#capped = answer.results.capped;
    this.#partial = answer.results.partial;
    this.#answered = request;
    this.#phase = 'done';
  }
}

export const search = new SearchState();
