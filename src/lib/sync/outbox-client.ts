import { OUTBOX_TAG } from './outbox';

/** Background Sync (Chromium); not in TypeScript's DOM lib yet. */
interface SyncRegistration extends ServiceWorkerRegistration {
  sync: { register(tag: string): Promise<void> };
}

/**
 * Asks the worker to send the outbox once the device is online, even if this page is closed by
 * then. Elsewhere the page's `online` listener and the next start-up send it.
 */
export async function registerOutboxSync(): Promise<void> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container?.controller) return;
  const registration = await container.ready;
  if (!('sync' in registration)) return;
  try {
    await (registration as SyncRegistration).sync.register(OUTBOX_TAG);
  } catch {
    // Declined (permissions, private mode): the page's own triggers remain.
  }
}
