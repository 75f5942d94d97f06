/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { syncNow } from './lib/sync/run';
import { isWorkerRequest } from './lib/sync/messages';

declare let self: ServiceWorkerGlobalScope;

/** Chromium's Periodic Background Sync; not in TypeScript's webworker lib yet. */
interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// The app shell only. Content lives in IndexedDB, so a publisher replaces dist/content/ freely.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Deep links open offline; feed files are never answered with the app's HTML.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/\/content\//] }),
);

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim().then(() => syncNow()));
});

self.addEventListener('message', (event) => {
  const request = event.data as unknown;
  if (!isWorkerRequest(request)) return;
  if (request.type === 'sync') event.waitUntil(syncNow());
  if (request.type === 'skip-waiting') void self.skipWaiting();
});

self.addEventListener('periodicsync', (event: Event) => {
  const periodic = event as PeriodicSyncEvent;
  if (periodic.tag === 'folio-sync') periodic.waitUntil(syncNow());
});
