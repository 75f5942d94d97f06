/// <reference lib="webworker" />
import {
  addRoute,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precache as precacheFiles,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { feedRootOf } from './lib/feed';
import { feedUrl } from './lib/sync/config';
import { IMAGE_CACHE } from './lib/sync/images';
import { ASSET_CACHE, cacheAssets, dropOldAssets } from './lib/sync/assets';
import { syncAndIndex } from './lib/sync/worker-sync';
import { isWorkerRequest } from './lib/sync/messages';
import { OUTBOX_TAG, sendOutboxNow } from './lib/sync/outbox';
import { isHome } from './lib/boot/shell-html';
import { renderedHome } from './lib/boot/serve-home';

function logged(error: unknown): undefined {
  console.warn('First screen not rendered', error);
  return undefined;
}

declare let self: ServiceWorkerGlobalScope;

/** Chromium's (Periodic) Background Sync; not in TypeScript's webworker lib yet. */
interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}
type SyncEvent = PeriodicSyncEvent;

/** The Static Routing API (Chromium 123+); not in TypeScript's webworker lib yet. */
interface RoutingInstallEvent extends ExtendableEvent {
  addRoutes?: (rules: { condition: { urlPattern: string }; source: 'cache' }[]) => Promise<void>;
}

// The app shell only. Content lives in IndexedDB, so a publisher replaces dist/content/ freely.
const precache = self.__WB_MANIFEST;
precacheFiles(precache);
cleanupOutdatedCaches();

// Home is answered with its first screen rendered here from IndexedDB (src/lib/boot/), the
// shell's head streamed first; before the precache's own route, which would answer it bare.
const appShell = createHandlerBoundToURL('index.html');
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && isHome(url, self.registration.scope),
  async (options) => (await renderedHome().catch(logged)) ?? appShell(options),
);
addRoute();

// The precache holds what Home's first paint needs (vite.config.ts); every other hashed chunk
// (the other pages, languages, the update toast) is fetched into this cache at install, so
// every page still opens offline. Hashed names never change content: cache first. (Firefox logs
// "A ServiceWorker intercepted the request and encountered an unexpected error" for these files
// when a reload cuts a lazy page's load. Not this worker's fault: a bare caches.match() handler
// drew the same message, 7 times per 20 cut loads against Workbox's 9 to 13, on a page that is
// already going away.)
const assetsPath = new URL('assets/', self.registration.scope).pathname;
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith(assetsPath),
  new CacheFirst({ cacheName: ASSET_CACHE }),
);
self.addEventListener('install', (event: RoutingInstallEvent) => {
  const precached = precache.map((entry) => (typeof entry === 'string' ? entry : entry.url));
  event.waitUntil(cacheAssets(self.registration.scope, precached));
  // Where the browser can, it answers hashed files from the caches itself, as the route above
  // would, without running this worker: on a phone's few cores, a fetch event per script (about
  // 5 ms each here) competed with the first paint of a repeat visit. A miss goes to the network.
  event.waitUntil(
    event
      .addRoutes?.([{ condition: { urlPattern: `${assetsPath}*` }, source: 'cache' }])
      .catch((error: unknown) => console.warn('Static routes not added', error)) ??
      Promise.resolve(),
  );
});

// Deep links open offline; feed files are never answered with the app's HTML.
registerRoute(new NavigationRoute(appShell, { denylist: [/\/content\//] }));

// Images of saved articles, put in this cache by sync, read offline. Only what lives under the
// feed; an opaque (no-CORS) answer is never cached, as it costs megabytes of quota.
const feedRoot = feedRootOf(feedUrl(self.location.href));
registerRoute(
  ({ request, url }) => request.destination === 'image' && url.href.startsWith(feedRoot),
  new CacheFirst({ cacheName: IMAGE_CACHE }),
);

self.addEventListener('activate', (event) => {
  // Builds before Home was rendered here kept a copy of it in a cache of its own.
  const activated = caches
    .delete('folio-first-screen')
    .then(() => Promise.all([self.clients.claim(), dropOldAssets()]));
  event.waitUntil(activated);
  // After activation, not part of it: the browser holds every request of the pages this worker
  // controls until it is activated, so a reload after an update would wait for a whole sync and
  // index build. Pages ask for a sync as they start anyway; this one is for when none is open.
  void activated
    .then(() => syncAndIndex())
    .catch((error: unknown) => {
      console.warn('Sync after activation failed', error);
    });
});

self.addEventListener('message', (event) => {
  const request = event.data as unknown;
  if (!isWorkerRequest(request)) return;
  if (request.type === 'sync') event.waitUntil(syncAndIndex());
  if (request.type === 'skip-waiting') void self.skipWaiting();
});

self.addEventListener('periodicsync', (event: Event) => {
  const periodic = event as PeriodicSyncEvent;
  if (periodic.tag === 'folio-sync') periodic.waitUntil(syncAndIndex());
});

// Comments written offline go out when the device is back online, even with no page open.
self.addEventListener('sync', (event: Event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== OUTBOX_TAG) return;
  sync.waitUntil(
    sendOutboxNow().then((report) => {
      // A failed sync event is retried by the browser later, with back-off.
      if (report && report.waiting.length > 0) throw new Error('Comments still waiting');
    }),
  );
});
