// Messages between the page and the search worker. Both ends are this app's own code, built
// together, but a message is still checked for its type before use.
import type { SearchRequest, SearchResults } from './search-index';

/** 'building': the first build is under way (queries answer from what is indexed so far). */
export type IndexStatus = 'building' | 'ready' | 'failed';

export type ToWorker = { type: 'refresh' } | { type: 'query'; id: number; request: SearchRequest };

export type FromWorker =
  | { type: 'status'; status: IndexStatus; documents: number; seen: number }
  | { type: 'results'; id: number; results: SearchResults; status: IndexStatus };

function typeOf(data: unknown): unknown {
  return typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
}

export function isToWorker(data: unknown): data is ToWorker {
  const type = typeOf(data);
  return type === 'refresh' || type === 'query';
}

export function isFromWorker(data: unknown): data is FromWorker {
  const type = typeOf(data);
  return type === 'status' || type === 'results';
}
