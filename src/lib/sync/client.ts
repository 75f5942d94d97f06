import type { WorkerRequest } from './messages';

function postToWorker(request: WorkerRequest): boolean {
  const controller = globalThis.navigator?.serviceWorker?.controller;
  if (!controller) return false;
  controller.postMessage(request);
  return true;
}

/**
 * Asks for a sync: the controlling service worker runs it, or, where no worker controls the
 * page (first visit, unsupported browser), the page runs the same sync itself.
 */
export async function requestSync(): Promise<void> {
  if (postToWorker({ type: 'sync' })) return;
  // Loaded on demand: most visits have a worker, and the parser need not weigh on start-up.
  const { syncNow } = await import('./run');
  await syncNow();
}
