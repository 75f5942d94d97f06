// Figures 2, 3, 5 and 6 share one expensive set-up: a profile with --count articles saved (seeded
// through the bench page with the app's own write functions), whose service worker controls the
// app, then offline. Each figure fails on its own: the others still run.
import * as headlines from './headlines.mjs';
import * as interactions from './interactions.mjs';
import * as search from './search.mjs';
import { installAndGoOffline, seededSession } from '../lib/app-session.mjs';
import { atMost, markMissing, reasonOf, row, rowOf, sampler } from '../lib/rows.mjs';

/** Category queries timed per run. */
const QUERIES_PER_RUN = 40;

/** @param {string} saved how many articles the profile holds, written out */
function categoryRows(saved) {
  return [
    row(
      '5a',
      `newest 20 of one category, ${saved} saved`,
      'ms',
      'p95',
      atMost(16),
      `the app's category query (src/lib/db) from the bench page, ${QUERIES_PER_RUN} queries per run cycling through the 12 categories, warm connection`,
    ),
  ];
}

/** @param {number} count the articles saved in the profile the figures use */
export function rows(count) {
  const saved = count.toLocaleString('en');
  return [
    ...headlines.rows(saved),
    ...interactions.rows(),
    ...categoryRows(saved),
    ...search.rows(saved),
    headlines.heapAtStartRow(),
    row(
      '6i',
      `storage used, ${saved} saved`,
      'MB',
      'median',
      null,
      'navigator.storage.estimate().usage on the controlled Home, once the worker has synced and indexed: IndexedDB (summaries, bodies, search index) and the caches',
    ),
  ];
}

/**
 * @param {string} prefix e.g. "3"
 * @param {import('../lib/stats.mjs').Row[]} table
 */
const rowsOf = (prefix, table) => table.filter((entry) => entry.id.startsWith(prefix));

/**
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {import('../lib/stats.mjs').Row[]} table
 * @param {Set<number>} wanted
 */
export async function measure(env, table, wanted) {
  /** @type {Record<string, unknown>} */
  const details = {};
  /**
   * @param {string} name
   * @param {import('../lib/stats.mjs').Row[]} figureRows
   * @param {() => Promise<unknown>} run
   */
  const part = async (name, figureRows, run) => {
    const t0 = Date.now();
    try {
      details[name] = await run();
      env.log(`  ${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    } catch (error) {
      env.log(
        `  ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
      );
      markMissing(figureRows, reasonOf(error));
      details[name] = { error: reasonOf(error) };
    }
  };

  const session = await seededSession(env);
  details.seeded = session.seeded;
  try {
    if (wanted.has(5)) {
      await part('category query', rowsOf('5', table), async () => {
        const times = await session.seedPage.evaluate(
          (options) => /** @type {any} */ (globalThis).folioBench.timeCategoryQuery(options),
          { iterations: QUERIES_PER_RUN * env.runs, limit: 20 },
        );
        if (times.returned.some((/** @type {number} */ n) => n !== 20)) {
          throw new Error('a category query did not return 20 articles');
        }
        const add = sampler(table);
        for (const ms of times.ms) add('5a', ms);
        rowOf(table, '5a').note += `; query: ${times.query}`;
        return times;
      });
    }
    await session.seedPage.close();
    const indexMs = await installAndGoOffline(session, env.base, env.warmSearch);
    env.log(
      indexMs === null
        ? '  the service worker did not index after its sync'
        : `  the service worker indexed the saved articles after its sync in ${(indexMs / 1000).toFixed(1)} s`,
    );
    if (wanted.has(6) && indexMs !== null) sampler(table)('6g', indexMs);
    if (wanted.has(6)) {
      await part('storage', rowsOf('6i', table), async () => {
        const page = await session.context.newPage();
        try {
          await page.goto(`${env.base}/`);
          const { usage } = await page.evaluate(() => navigator.storage.estimate());
          sampler(table)('6i', (usage ?? 0) / 1e6);
          return { usage };
        } finally {
          await page.close();
        }
      });
    }

    const heapRow = table.filter((entry) => entry.id === '6e');
    if (wanted.has(2) || wanted.has(6)) {
      await part('headlines', [...rowsOf('2', table), ...heapRow], () =>
        headlines.measure(env, session.context, table, wanted.has(6)),
      );
    }
    if (wanted.has(3)) {
      await part('interactions', rowsOf('3', table), () =>
        interactions.measure(env, session.context, table),
      );
    }
    if (wanted.has(6)) {
      const searchRows = rowsOf('6', table).filter((entry) => entry.id !== '6e');
      await part('search', searchRows, () => search.measure(env, session.context, table));
      if (rowOf(table, '6a').samples.length === 0) {
        rowOf(table, '6a').missing ??= 'the app emits no folio:search-query measure';
      }
    }
  } finally {
    await session.context.close();
  }
  return details;
}
