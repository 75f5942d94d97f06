// Figure 4: storing 1,000 new articles during a sync, against a raw single-transaction put of the
// same records, in a bench page (bench/pages/sync.ts) that runs the app's runSync; and the long
// tasks on the app page's main thread while its service worker runs such a sync.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { delay, openBenchPage, waitForQuietController } from '../lib/app-session.mjs';
import { SYNC_FEED_DIR } from '../lib/setup.mjs';
import { atMost, row, rowOf, sampler } from '../lib/rows.mjs';

export function rows() {
  return [
    row(
      '4a',
      'sync storage phase ÷ raw one-transaction put, 1,000 articles',
      'ratio',
      'median',
      atMost(1.5),
      'per run: the storage phase of runSync over a fresh database ÷ one readwrite transaction putting the same summaries and articles into another fresh database',
    ),
    row('4b', 'sync storage phase, 1,000 articles', 'ms', 'median', null, ''),
    row('4c', 'raw one-transaction put, same records', 'ms', 'median', null, ''),
    row('4d', 'whole sync, 1,000 articles (network included)', 'ms', 'median', null, ''),
    row(
      '4f',
      'cross-check: read-write transactions timed from outside',
      'ms',
      'median',
      null,
      'every read-write transaction runSync opens on summaries or articles (the first page’s summaries included), creation to completion, overlaps counted once',
    ),
    row(
      '4e',
      'long task on the app page during sync',
      'ms',
      'max',
      atMost(50),
      'PerformanceObserver longtask on the served app’s Home, controlled by its service worker, while the worker syncs 1,000 new articles (asked by the page’s “sync now” message) and the page re-reads its list; 0 = none',
    ),
    row(
      '4g',
      'long task in a page running runSync itself',
      'ms',
      'max',
      null,
      'the page fallback (no worker in control): PerformanceObserver longtask in the bench page that runs runSync; 0 = none',
    ),
  ];
}

/**
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {import('../lib/stats.mjs').Row[]} table
 */
export async function measure(env, table) {
  const add = sampler(table);
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const details = [];
  try {
    const page = await context.newPage();
    await openBenchPage(page, env.base, 'sync.html');
    const feedUrl = `${env.base}/content/${SYNC_FEED_DIR}/index.json`;
    for (let run = 0; run <= env.runs; run++) {
      const result = await page.evaluate(
        (options) => /** @type {any} */ (globalThis).folioBench.syncOnce(options),
        { feedUrl, maxArticles: 1000, run },
      );
      if (result.status !== 'fresh' || result.articles !== 1000) {
        throw new Error(`sync ended "${result.status}" with ${result.articles} articles saved`);
      }
      // Run 0 warms the HTTP cache and the page's code: not counted.
      if (run === 0) continue;
      details.push(result);
      env.log(
        `  sync run ${run}: storage ${result.storageMs.toFixed(0)} ms (${result.transactions} tx), raw ${result.rawMs.toFixed(0)} ms, whole ${result.totalMs.toFixed(0)} ms`,
      );
      add('4a', result.storageMs / result.rawMs);
      add('4b', result.storageMs);
      add('4c', result.rawMs);
      add('4d', result.totalMs);
      add('4g', Math.max(0, ...result.longTasks));
      add('4f', result.transactionMs);
    }
    const source = details[0]?.storageSource ?? '';
    rowOf(table, '4b').note =
      source === 'runSync timings.store'
        ? 'the app’s own timing of its body writes (runSync’s timings.store: each write transaction, summed)'
        : 'read-write transactions on summaries and articles, timed from outside (runSync has no timings hook)';
  } finally {
    await context.close();
  }
  const inApp = [];
  for (let run = 1; run <= env.runs; run++) {
    const result = await syncInApp(env);
    env.log(
      `  app sync run ${run}: ${result.articles} articles saved by the worker in ${result.ms.toFixed(0)} ms; page long tasks ${JSON.stringify(result.longTasks.map(Math.round))} at ${JSON.stringify(result.longTaskStarts.map(Math.round))} ms`,
    );
    if (result.articles < 1000) {
      throw new Error(`the worker's sync saved ${result.articles} of 1,000 articles`);
    }
    add('4e', Math.max(0, ...result.longTasks));
    inApp.push(result);
  }
  return { bench: details, app: inApp };
}

/**
 * The served feed's first page, swapped on disk (the server reads each request from disk).
 * @param {import('../lib/setup.mjs').BenchEnv} env
 */
async function feedFiles(env) {
  const indexPath = path.join(env.contentDir, 'index.json');
  const original = await readFile(indexPath, 'utf8');
  const small = JSON.parse(
    await readFile(path.join(env.contentDir, SYNC_FEED_DIR, 'index.json'), 'utf8'),
  );
  const articles = small.articles.map((/** @type {{ href: string }} */ entry) => ({
    ...entry,
    href: `${SYNC_FEED_DIR}/${entry.href}`,
  }));
  const after = { ...small, next: null, articles };
  const before = { ...after, articles: [] };
  return {
    before: () => writeFile(indexPath, JSON.stringify(before)),
    after: () => writeFile(indexPath, JSON.stringify(after)),
    restore: () => writeFile(indexPath, original),
  };
}

/**
 * The app as a reader has it: served, installed, its worker in control and Home open on a feed
 * it has synced. Then the feed gains 1,000 articles, the page asks its worker to sync (as "sync
 * now" does), and the page's long tasks are collected until the worker has saved them all.
 * @param {import('../lib/setup.mjs').BenchEnv} env
 */
async function syncInApp(env) {
  const files = await feedFiles(env);
  const context = await env.browser.newContext();
  try {
    await context.addInitScript(() => {
      const seen = /** @type {{ start: number, duration: number }[]} */ ([]);
      /** @type {any} */ (globalThis).__syncLongTasks = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          seen.push({ start: entry.startTime, duration: entry.duration });
        }
      }).observe({ type: 'longtask', buffered: true });
    });
    await files.before();
    const page = await context.newPage();
    await page.goto(`${env.base}/`);
    await waitForQuietController(page, 120_000);
    // Every article of the sync keeps its body, as in the bench page's run.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('folio');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').put({
              key: 'settings',
              retention: 'all',
              keepCategories: [],
              download: 'always',
            });
            tx.oncomplete = () => {
              open.result.close();
              resolve(undefined);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await files.after();
    await delay(500);
    const started = await page.evaluate(() => {
      /** @type {any} */ (globalThis).__syncLongTasks.length = 0;
      navigator.serviceWorker.controller?.postMessage({ type: 'sync' });
      return performance.now();
    });
    const deadline = Date.now() + 180_000;
    let articles = 0;
    for (;;) {
      if (Date.now() > deadline) break;
      await delay(500);
      const state = await page.evaluate(async () => {
        const locks = await navigator.locks.query();
        const busy = [...(locks.held ?? []), ...(locks.pending ?? [])].some(
          (lock) => lock.name === 'folio-sync',
        );
        const count = await new Promise((resolve, reject) => {
          const open = indexedDB.open('folio');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('articles').objectStore('articles').count();
            request.onsuccess = () => {
              open.result.close();
              resolve(request.result);
            };
            request.onerror = () => reject(request.error);
          };
        });
        return { busy, count: /** @type {number} */ (count) };
      });
      articles = state.count;
      if (!state.busy && articles >= 1000) break;
    }
    // The page re-reads its list after the last announcement: let that run too.
    await delay(1000);
    const seen = await page.evaluate(() => ({
      longTasks: /** @type {any} */ (globalThis).__syncLongTasks,
      now: performance.now(),
    }));
    return {
      articles,
      ms: seen.now - started - 1000,
      longTasks: seen.longTasks.map((/** @type {{ duration: number }} */ task) => task.duration),
      // When each began, ms after the page asked for the sync.
      longTaskStarts: seen.longTasks.map(
        (/** @type {{ start: number }} */ task) => task.start - started,
      ),
    };
  } finally {
    await context.close();
    await files.restore();
  }
}

/**
 * Figure 4h: a whole archive synced from nothing, as a new install's background sync does it.
 * @param {string} saved how many articles the feed holds, written out
 */
export function fullArchiveRows(saved) {
  return [
    row(
      '4h',
      `full-archive sync from nothing, ${saved} articles`,
      's',
      'median',
      null,
      'one runSync over the whole synthetic feed (every page, every article file, from the local server) into a fresh database, in the bench page: the code the service worker runs in the background; retention keeps everything',
    ),
  ];
}

/**
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {import('../lib/stats.mjs').Row[]} table
 */
export async function measureFullArchive(env, table) {
  const add = sampler(table);
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30 * 60_000);
    await openBenchPage(page, env.base, 'sync.html');
    const result = await page.evaluate(
      (options) => /** @type {any} */ (globalThis).folioBench.syncOnce(options),
      {
        feedUrl: `${env.base}/content/index.json`,
        maxArticles: env.count,
        crawlCap: env.count,
        run: 0,
        compare: false,
      },
    );
    if (result.status !== 'fresh' || result.articles !== env.count) {
      throw new Error(`sync ended "${result.status}" with ${result.articles} articles saved`);
    }
    env.log(
      `  full-archive sync: ${env.count} articles in ${(result.totalMs / 1000).toFixed(1)} s (storage ${(result.storageMs / 1000).toFixed(1)} s)`,
    );
    add('4h', result.totalMs / 1000);
    return result;
  } finally {
    await context.close();
  }
}
