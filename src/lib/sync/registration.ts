// The page's side of the service worker's life: registering it (workbox-window), hearing of new
// versions, and letting a waiting one take over. Its own chunk, fetched after the first paint:
// nothing on the first screen waits for the worker.
import type { Workbox } from 'workbox-window';
import type { WorkerRequest } from './messages';

let workbox: Workbox | null = null;
let registration: ServiceWorkerRegistration | undefined;

/** What the page hears of its worker: a new version waits, the first install, a new controller. */
export type WorkerLifecycle = 'waiting' | 'first-install' | 'controller-changed';
const lifecycleListeners = new Set<(event: WorkerLifecycle) => void>();
/** What a listener subscribing late (the toast loads after the first paint) still needs to hear. */
const lasting = new Set<WorkerLifecycle>();

/** Subscribes to the worker's lifecycle; returns the unsubscribe, for an `$effect`. */
export function onWorkerLifecycle(listener: (event: WorkerLifecycle) => void): () => void {
  lifecycleListeners.add(listener);
  for (const event of lasting) listener(event);
  return () => lifecycleListeners.delete(listener);
}

function emit(event: WorkerLifecycle): void {
  if (event !== 'controller-changed') lasting.add(event);
  for (const listener of lifecycleListeners) listener(event);
}

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
  // Its own chunk: registration waits for the first paint and the stored content anyway.
  const loaded = await import('workbox-window').catch((error: unknown) => {
    console.warn('Service worker registration failed', error);
    return null;
  });
  if (!loaded) return;
  workbox = new loaded.Workbox(`${import.meta.env.BASE_URL}sw.js`, {
    scope: import.meta.env.BASE_URL,
  });
  // An update found later by an hourly check counts as "external" to workbox-window; it still
  // waits, and the reader is asked either way.
  workbox.addEventListener('waiting', () => emit('waiting'));
  workbox.addEventListener('installed', (event) => {
    if (!event.isUpdate && !event.isExternal) emit('first-install');
  });
  workbox.addEventListener('controlling', () => emit('controller-changed'));
  try {
    registration = await workbox.register();
    void registerPeriodicSync();
  } catch (error) {
    // The app still works without a worker: the page syncs itself.
    console.warn('Service worker registration failed', error);
  }
}

/**
 * Lets the waiting version take over (it claims the page: a `controller-changed` follows).
 * False when none waits, e.g. another tab already activated it.
 */
export function activateWaitingWorker(): boolean {
  const waiting = registration?.waiting;
  if (!waiting) return false;
  // Our worker listens for its own message type, not workbox-window's SKIP_WAITING.
  waiting.postMessage({ type: 'skip-waiting' } satisfies WorkerRequest);
  return true;
}

/** Asks the browser to fetch the worker script again; rejects when that fetch fails. */
export async function checkForWorkerUpdate(): Promise<void> {
  await workbox?.update();
}
