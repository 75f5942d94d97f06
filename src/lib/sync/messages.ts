/** What a page asks of the service worker. */
export type WorkerRequest = { type: 'sync' } | { type: 'skip-waiting' };

export function isWorkerRequest(data: unknown): data is WorkerRequest {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return type === 'sync' || type === 'skip-waiting';
}
