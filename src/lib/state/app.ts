import { listen } from '../sync/channel';
import { registerWorker, requestSync } from '../sync/client';
import { library } from './library.svelte';
import { syncStatus } from './sync-status.svelte';

/**
 * Paints from IndexedDB first, then keeps the page current: every announcement of a sync (from
 * the service worker or the page itself) reloads what the page shows.
 */
export async function startApp(): Promise<void> {
  listen((message) => {
    void syncStatus.refresh();
    if (message.type === 'content-changed') void library.refresh();
  });
  await Promise.all([library.refresh(), syncStatus.refresh()]);
  globalThis.addEventListener?.('online', () => void requestSync());
  await registerWorker();
  await requestSync();
}
