// Where the page's queries go: the search worker in the app; an in-process SearchService in tests.
import { isFromWorker, type IndexStatus } from './protocol';
import type { SearchRequest, SearchResults } from './search-index';
import type { StatusReport } from './service';

export interface Answer {
  results: SearchResults;
  status: IndexStatus;
}

export interface SearchBackend {
  query(request: SearchRequest): Promise<Answer>;
  /** Calls `listener` with every status report; returns the unsubscribe. */
  onStatus(listener: (report: StatusReport) => void): () => void;
}

/** Starts the search worker, which begins indexing at once. */
export function workerBackend(): SearchBackend {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, (answer: Answer) => void>();
  const listeners = new Set<(report: StatusReport) => void>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isFromWorker(message)) return;
    if (message.type === 'status') {
      const { status, documents, seen } = message;
      for (const listener of listeners) listener({ status, documents, seen });
      return;
    }
    waiting.get(message.id)?.({ results: message.results, status: message.status });
    waiting.delete(message.id);
  };
  worker.onerror = (event) => {
    console.error('The search worker failed', event.message || event.type);
    for (const listener of listeners) listener({ status: 'failed', documents: 0, seen: 0 });
  };
  return {
    query(request) {
      const id = ++next;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ type: 'query', id, request });
      });
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
