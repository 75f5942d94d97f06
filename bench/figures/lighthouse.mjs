// Figure 7: Lighthouse 12.8.2 with its default (mobile) preset against Home with the sample feed,
// three times; each run starts its own Chromium with a fresh profile, so each is a first visit.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/browser.mjs';
import { atLeast, row, sampler } from '../lib/rows.mjs';

export const LIGHTHOUSE_RUNS = 3;
/** Kept in latest.json: what the performance score is made of. */
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'speed-index',
  'cumulative-layout-shift',
];

const CATEGORIES = /** @type {const} */ ([
  ['performance', '7a', 'performance'],
  ['accessibility', '7b', 'accessibility'],
  ['best-practices', '7c', 'best practices'],
]);

export function rows() {
  const note = `Lighthouse mobile preset (default config: emulated phone, simulated throttling), ${LIGHTHOUSE_RUNS} runs against Home with the sample feed; the median is the figure`;
  return CATEGORIES.map(([id, rowId, label]) =>
    row(
      rowId,
      `Lighthouse ${label}`,
      'score',
      'median',
      id === 'performance' ? atLeast(98) : atLeast(100),
      note,
    ),
  );
}

/**
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {import('../lib/stats.mjs').Row[]} table
 */
export async function measure(env, table) {
  const add = sampler(table);
  const details = [];
  for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
      logLevel: 'silent',
    });
    try {
      const result = await lighthouse(`${env.base}/`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES.map(([id]) => id),
      });
      const problem = result?.lhr.runtimeError;
      if (problem) throw new Error(`Lighthouse: ${problem.code}: ${problem.message}`);
      const categories = result?.lhr.categories ?? {};
      /** @type {Record<string, number | null>} */
      const scores = {};
      for (const [id, rowId] of CATEGORIES) {
        const score = categories[id]?.score;
        scores[id] = typeof score === 'number' ? Math.round(score * 100) : null;
        if (typeof score === 'number') add(rowId, Math.round(score * 100));
      }
      // The audits that cost points, so the report says what to fix.
      const failing = Object.values(result?.lhr.audits ?? {})
        .filter(
          (audit) =>
            typeof audit.score === 'number' &&
            audit.score < 1 &&
            audit.scoreDisplayMode === 'binary',
        )
        .map((audit) => audit.id);
      /** @type {Record<string, number | undefined>} */
      const metrics = {};
      for (const id of METRICS) metrics[id] = result?.lhr.audits[id]?.numericValue;
      details.push({ scores, failing, metrics });
      env.log(
        `  Lighthouse run ${run}: ${CATEGORIES.map(([id]) => `${id} ${scores[id] ?? '–'}`).join(', ')}${failing.length ? `; failing: ${failing.join(', ')}` : ''}`,
      );
    } finally {
      await chrome.kill();
    }
  }
  return details;
}
