import { Workbox } from 'workbox-window';
import type { WorkerRequest } from './messages';

let workbox: Workbox | null = null;

/** Chromium's Periodic Background Sync; not in TypeScript's DOM lib yet. */
interface PeriodicSyncRegistration extends ServiceWorkerRegistration {
  periodicSync: { register(tag: string, options: { minInterval: number }): Promise<void> };
}

/** Sync now and then while the app is closed, where the browser allows (installed Chromium). */
async function registerPeriodicSync(): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  if (!('periodicSync' in registration)) return;
  try {
    await (registration as PeriodicSyncRegistration).periodicSync.register('folio-sync', {
      minInterval: 12 * 60 * 60 * 1000,
    });
  } catch {
    // Not granted (the app is not installed, or the browser declines): syncs run on open.
  }
}

/** Registers the service worker (production builds, supporting browsers). */
export async function registerWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  try {
    await workbox.register();
    void registerPeriodicSync();
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
