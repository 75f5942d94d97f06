import { listen } from '../channel';
export { adopt } from './adopt';
import { requestSync } from '../sync/client';
import { warmFormats } from '../i18n/format';
import { bookmarks } from '../state/bookmarks.svelte';
import { firstContentPainted } from './first-content';
import { library } from '../state/library.svelte';
import { locale } from '../state/locale.svelte';
import { syncStatus } from '../state/sync-status.svelte';

/** Devices report "online" before the connection works: try again a few times if so. */
const ONLINE_RETRY_DELAYS_MS = [2_000, 5_000, 15_000];

/** Comments (and their outbox's validation) load after the first paint: Home shows none. */
const comments = () => import('../state/comments.svelte').then((module) => module.comments);

export async function syncWhenBackOnline(
  delays: readonly number[] = ONLINE_RETRY_DELAYS_MS,
): Promise<void> {
  await requestSync();
  for (const delay of delays) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    await syncStatus.refresh();
    if (syncStatus.status !== 'offline' || !navigator.onLine) return;
    await requestSync();
  }
}

/**
 * Paints from IndexedDB first, then keeps the page current: every announcement of a sync (from
 * the service worker or the page itself) reloads what the page shows.
 *
 * @param adopted the state already holds what the service worker read for the first screen a
 *   moment ago (adopt.ts): it is not read again while the page hydrates.
 */
export async function startApp(adopted = false): Promise<void> {
  listen((message) => {
    void syncStatus.refresh();
    if (message.type === 'content-changed') void library.refresh();
    if (message.type === 'outbox-changed') void comments().then((state) => state.refresh());
  });
  const reads = adopted
    ? bookmarks.start({ read: false })
    : Promise.all([library.refresh(), syncStatus.refresh(), bookmarks.start()]);
  warmFormats(locale.lang);
  await reads;
  await firstContentPainted;
  globalThis.addEventListener?.('online', () => void syncWhenBackOnline());
  // Comments written offline: sent at every start and whenever the connection returns.
  const flushComments = () => void comments().then((state) => state.flush());
  globalThis.addEventListener?.('online', flushComments);
  flushComments();
  // Its own chunk: the page works without a worker, and nothing before this waits for one.
  await import('../sync/registration')
    .then(({ registerWorker }) => registerWorker())
    .catch((error: unknown) => console.warn('Service worker registration failed', error));
  await requestSync();
}
