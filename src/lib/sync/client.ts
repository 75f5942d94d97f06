import { Workbox } from 'workbox-window';
import type { WorkerRequest } from './messages';

let workbox: Workbox | null = null;

/** Registers the service worker (production builds, supporting browsers). */
export async function registerWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  try {
    await workbox.register();
  } catch (error) {
    // The app still works without a worker: the page syncs itself.
    console.warn('Service worker registration failed', error);
  }
}

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
