// Figure 4: storing 1,000 new articles during a sync, against a raw single-transaction put of the
// same records, in a bench page (bench/pages/sync.ts) that runs the app's runSync.
import { BENCH_PATH, SYNC_FEED_DIR } from '../lib/setup.mjs';
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
      'long task during sync',
      'ms',
      'max',
      atMost(50),
      'PerformanceObserver longtask in the page running the sync; 0 = none',
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
    await page.goto(`${env.base}${BENCH_PATH}/sync.html`);
    await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
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
      add('4e', Math.max(0, ...result.longTasks));
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
  return details;
}
