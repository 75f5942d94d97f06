// Figure 6: search over 10,000 saved articles, offline, on /search?q=. Relies on the app's
// hooks: performance.mark('folio:search-ready') when the index can answer, and
// performance.measure('folio:search-query', …) per query.
import { readHeap } from '../lib/browser.mjs';
import { arm, collect, settled } from '../lib/probe.mjs';
import { delay } from '../lib/app-session.mjs';
import { atMost, row, sampler } from '../lib/rows.mjs';

/**
 * Whole words in both languages, accent-folded and prefix queries (typed a letter at a time),
 * two-word queries, a quoted phrase (read from saved bodies), a left-out word and a typo; all
 * from the synthetic feed's vocabulary.
 */
export const QUERIES = [
  'council',
  'política',
  'politica',
  'p',
  'po',
  'pol',
  'poli',
  'econ',
  'económica',
  'región',
  'refugees budget',
  'negociaciones',
  'mountains',
  'tr',
  'tro',
  'troo',
  '"refugees budget"',
  'council -budget',
  'negociacines',
];

/**
 * Each search run opens a fresh tab, so the index is loaded or built again: at most this many
 * (plus a warm-up), to keep a default bench run near ten minutes. Queries give 16 samples a run.
 */
const SEARCH_RUNS = 3;

/** Building the index over 10,000 bodies on a loaded 2-core machine: generous. */
const READY_TIMEOUT_MS = 90_000;

/** @param {string} saved how many articles the profile holds, written out */
export function rows(saved) {
  return [
    row(
      '6a',
      `search query, ${saved} saved articles (prefix, typo and -word queries included)`,
      'ms',
      'p95',
      atMost(16),
      `durations of the app's performance.measure('folio:search-query') for the ${QUERIES.filter((query) => !query.includes('"')).length} queries without a quoted phrase per run (at most ${SEARCH_RUNS} runs after a warm-up), typed into the search field of /search offline`,
    ),
    row(
      '6b',
      'search index ready after first paint',
      'ms',
      'median',
      atMost(3000),
      "performance.mark('folio:search-ready') − first-contentful-paint, on a fresh tab opening /search?q= offline, on the profile whose service worker indexed what it synced (6g)",
    ),
    row(
      '6c',
      'long task while the index builds',
      'ms',
      'max',
      atMost(50),
      "PerformanceObserver longtask on the page from the search page asking its worker (performance.mark('folio:search-start')) to folio:search-ready; the index is loaded or built in a worker, whose tasks are not the main thread's; 0 = none",
    ),
    row(
      '6d',
      'JS heap with the search index loaded (page + worker)',
      'MB',
      'median',
      atMost(64),
      'Runtime.getHeapUsage after HeapProfiler.collectGarbage on the page and on every dedicated worker of the origin, after the queries',
    ),
    row(
      '6j',
      `quoted phrase query, ${saved} saved articles`,
      'ms',
      'p95',
      null,
      "as 6a, for the queries with a quoted phrase: the index ranks the documents with every word, then the service reads the best candidates' saved bodies from IndexedDB, 25 at a time (at most 100), until a page of results has the phrase. The synthetic vocabulary makes it the worst case: the words are common and seldom side by side, so every candidate is read",
    ),
    row(
      '6h',
      'long task on /search before the index is asked for (app start-up)',
      'ms',
      'max',
      null,
      "PerformanceObserver longtask from navigation start to folio:search-start: the app's own start (modules, the shell's first render), the same on every page; 0 = none",
    ),
    row(
      '6g',
      `index build in the service worker, after the sync that saved ${saved} articles`,
      'ms',
      'median',
      null,
      "how long the worker held its 'folio-index' lock after its first sync (polled every 200 ms; one sample per bench run); off the page's main thread, and before 6b, which loads the index it saved",
    ),
    row(
      '6f',
      'query typed to results painted',
      'ms',
      'median',
      atMost(100),
      'fill() of the search field to the frame after the last DOM change (no change for 200 ms): the results follow each key, with no debounce',
    ),
  ];
}

/**
 * Waits for the app's folio:search-ready mark; fails at once, with the app's words, when the
 * page reports an error instead (a worker that cannot load, for instance).
 * @param {import('playwright-core').Page} page
 * @param {string[]} errors console errors of the page so far
 */
async function waitForReady(page, errors) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const ready = await page.evaluate(
      () => 'folio:search-ready' in /** @type {any} */ (globalThis).__bench.marks,
    );
    if (ready) return;
    if (errors.length > 0) throw new Error(`search failed: ${errors[0]}`);
    if (Date.now() > deadline) {
      throw new Error(`no folio:search-ready mark within ${READY_TIMEOUT_MS / 1000} s`);
    }
    await delay(50);
  }
}

/**
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {import('playwright-core').BrowserContext} appContext seeded, controlled, offline
 * @param {import('../lib/stats.mjs').Row[]} table
 */
export async function measure(env, appContext, table) {
  const add = sampler(table);
  const details = [];
  const runs = Math.min(env.runs, SEARCH_RUNS);
  for (let run = 0; run <= runs; run++) {
    const page = await appContext.newPage();
    /** @type {string[]} */
    const errors = [];
    // Offline, failed feed requests are console errors too: only the search's own count.
    page.on('console', (message) => {
      if (message.type() === 'error' && /search/i.test(message.text())) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    try {
      await page.goto(`${env.base}/search?q=`);
      const field = page.locator('main input[type="search"], main [role="searchbox"]').first();
      await field.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => {
        throw new Error('no search field on /search');
      });
      await waitForReady(page, errors);
      const start = await page.evaluate(() => {
        const bench = /** @type {any} */ (globalThis).__bench;
        const ready = bench.marks['folio:search-ready'];
        const asked = bench.marks['folio:search-start'] ?? 0;
        /** @param {(start: number) => boolean} when */
        const tasks = (when) =>
          bench.longTasks
            .filter((/** @type {{ start: number }} */ task) => when(task.start))
            .map((/** @type {{ duration: number }} */ task) => task.duration);
        return {
          ready,
          fcp: bench.fcp,
          longTasks: tasks((start) => start >= asked && start <= ready),
          startupTasks: tasks((start) => start < asked),
        };
      });
      /** @type {{ query: string, ms: number[], painted: number }[]} */
      const queries = [];
      for (const query of QUERIES) {
        const seen = await page.evaluate(
          () => /** @type {any} */ (globalThis).__bench.measures.length,
        );
        await page.evaluate(arm);
        // Waited for inside the page, not polled over the DevTools protocol: polling every few
        // ms loads the browser's main thread, and so the 2 cores, while the query runs.
        const answered = page.evaluate(
          (timeout) =>
            new Promise((resolve) => {
              const observer = new PerformanceObserver((list) => {
                if (list.getEntriesByName('folio:search-query').length === 0) return;
                observer.disconnect();
                resolve(true);
              });
              observer.observe({ type: 'measure' });
              setTimeout(() => resolve(false), timeout);
            }),
          10_000,
        );
        await field.fill(query);
        // Wait for the answer in the page, then for the page to settle.
        await answered;
        await page.waitForFunction(settled, 200, { polling: 50, timeout: 10_000 });
        const result = await page.evaluate(collect);
        const ms = await page.evaluate(
          (from) =>
            /** @type {any} */ (globalThis).__bench.measures
              .slice(from)
              .filter(
                (/** @type {{ name: string }} */ entry) => entry.name === 'folio:search-query',
              )
              .map((/** @type {{ duration: number }} */ entry) => entry.duration),
          seen,
        );
        queries.push({ query, ms, painted: result.settled });
        await delay(100);
      }
      // Run 0 warms up (first queries compile the engine's code paths): not counted.
      if (run > 0) {
        if (start.fcp !== null) add('6b', start.ready - start.fcp);
        add('6c', Math.max(0, ...start.longTasks));
        add('6h', Math.max(0, ...start.startupTasks));
        for (const entry of queries) {
          for (const ms of entry.ms) add(entry.query.includes('"') ? '6j' : '6a', ms);
          add('6f', entry.painted);
        }
        const heap = await readHeap(env.browser, page, env.base);
        add('6d', heap.pageMB + heap.workersMB);
        details.push({ ...start, queries, heap });
        const slowest = [...queries]
          .sort((a, b) => Math.max(0, ...b.ms) - Math.max(0, ...a.ms))
          .slice(0, 3)
          .map((entry) => `${entry.query} ${Math.max(0, ...entry.ms).toFixed(1)} ms`);
        env.log(
          `  search run ${run}: ready ${(start.ready - (start.fcp ?? 0)).toFixed(0)} ms after FCP, heap ${(heap.pageMB + heap.workersMB).toFixed(1)} MB (${heap.workers.length} workers); slowest queries: ${slowest.join(', ')}`,
        );
      }
    } finally {
      await page.close();
    }
  }
  return details;
}
