// Headless Chromium never fires Background Sync or Periodic Background Sync on its own: tests
// fire them at the app's service worker through the DevTools protocol, as the browser would.
import type { Page } from 'playwright-core';

type SyncKind = 'sync' | 'periodicsync';

/** Fires `kind` with `tag` at the service worker registered for `origin`. */
export async function fireWorkerEvent(
  page: Page,
  origin: string,
  kind: SyncKind,
  tag: string,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const registrationId = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no service worker for ${origin}`)), 10_000);
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const found = registrations.find(
          (registration) =>
            !registration.isDeleted && registration.scopeURL.startsWith(`${origin}/`),
        );
        if (!found) return;
        clearTimeout(timer);
        resolve(found.registrationId);
      });
      void cdp.send('ServiceWorker.enable');
    });
    if (kind === 'sync') {
      await cdp.send('ServiceWorker.dispatchSyncEvent', {
        origin,
        registrationId,
        tag,
        lastChance: false,
      });
    } else {
      await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin, registrationId, tag });
    }
  } finally {
    await cdp.detach();
  }
}
