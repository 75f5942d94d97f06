// `npm run bench`: builds the app, serves it with synthetic feeds, drives Debian's headless
// Chromium, and prints one table of every figure of issue 5 beside its budget. The same table goes
// to bench/results/latest.md (and the raw samples to latest.json).
//
//   npm run bench                  5 runs of each figure (2, 3, 5, 6 and 8 at 10,000 and 50,000
//                                  saved), Lighthouse 3 times
//   npm run bench -- --only 8      figure 8 only: Folio's search index beside MiniSearch and Orama
//   npm run bench -- --quick       2 runs, 10,000 saved only, no Lighthouse (about 3 minutes)
//   npm run bench -- --runs 10     more runs
//   npm run bench -- --only 1,4,5  some figures only
//   npm run bench -- --keep        keep the temporary build and feeds (their path is printed)
//   npm run bench -- --warm-search open /search once online before going offline (a diagnosis
//                                  aid for when search's files are not cached at install)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from '../scripts/serve.mjs';
import * as appFigures from './figures/app.mjs';
import * as lighthouseFigure from './figures/lighthouse.mjs';
import * as librariesFigure from './figures/search-libraries.mjs';
import * as sizeFigure from './figures/sizes.mjs';
import * as syncFigure from './figures/sync.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { atMost, markMissing, reasonOf } from './lib/rows.mjs';
import {
  BENCH_PATH,
  REPO_ROOT,
  buildAll,
  writeBodyBundles,
  writeFeeds,
  writeStaticPage,
} from './lib/setup.mjs';
import { markdownTable, summarise, textTable } from './lib/stats.mjs';

/** @typedef {import('./lib/stats.mjs').Row} Row */

const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      only: { type: 'string' },
      count: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'warm-search': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run bench -- [--quick] [--runs N] [--no-lighthouse] [--only 1,2,…] [--count N[,N…]] [--keep] [--warm-search]',
    );
    process.exit(0);
  }
  const runs = Number(values.runs ?? (values.quick ? 2 : 5));
  // Figures 2, 3, 5, 6 and 8 at each count, side by side; --quick measures 10,000 only.
  const counts = (values.count ?? (values.quick ? '10000' : '10000,50000')).split(',').map(Number);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be ≥ 1, got ${values.runs}`);
  if (counts.some((count) => !Number.isInteger(count) || count < 1000))
    throw new Error('--count must be one or more numbers ≥ 1000, comma-separated');
  const only = values.only ? new Set(values.only.split(',').map(Number)) : null;
  const wanted = (/** @type {number} */ figure) => only === null || only.has(figure);
  return {
    only: values.only ?? null,
    warmSearch: values['warm-search'],
    runs,
    counts,
    keep: values.keep,
    lighthouse: !values.quick && !values['no-lighthouse'] && wanted(7),
    wanted,
    quick: values.quick,
  };
}

const started = Date.now();
/** @param {string} line */
const log = (line) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);

/** Cleanup steps, run once, newest first, on success, failure or a signal. */
const cleanups = /** @type {(() => Promise<unknown>)[]} */ ([]);
let cleaning = /** @type {Promise<void> | null} */ (null);
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
  })();
  return cleaning;
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

/**
 * @param {import('node:http').Server} server
 * @returns {string}
 */
function baseOf(server) {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * @param {string} root
 * @param {string} contentDir
 */
async function serve(root, contentDir) {
  const server = await createServer({ root, contentDir, port: 0, host: '127.0.0.1' });
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  );
  return baseOf(server);
}

/**
 * Runs one figure; whatever it could not measure becomes "n/a (reason)".
 * @param {string} name
 * @param {Row[]} rows
 * @param {() => Promise<unknown>} run
 */
async function figure(name, rows, run) {
  const t0 = Date.now();
  log(`${name}…`);
  try {
    const details = await run();
    log(`${name}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return details;
  } catch (error) {
    log(`${name}: failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    markMissing(rows, reasonOf(error));
    return { error: reasonOf(error) };
  } finally {
    markMissing(rows, 'not measured');
  }
}

async function main() {
  const opts = options();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-'));
  if (opts.keep) log(`keeping ${tmp}`);
  else cleanups.push(() => rm(tmp, { recursive: true, force: true }));
  const distDir = path.join(tmp, 'dist');
  const [firstCount = 10_000, ...moreCounts] = opts.counts;

  log('building the app and the bench pages…');
  await buildAll(distDir);
  const browser = await launchBrowser();
  cleanups.push(() => browser.close());
  const needsFeed = [2, 3, 4, 5, 6, 8].some(opts.wanted);

  /**
   * A synthetic feed of `count` articles, its static page and body bundles, and a server for
   * them. The static page and bundles are rewritten for each count, measured one after another.
   * @param {number} count
   */
  const envFor = async (count) => {
    const contentDir = path.join(tmp, `feed-${count}`);
    await mkdir(contentDir, { recursive: true });
    let staticPath = '';
    /** @type {string[]} */
    let bodyBundles = [];
    if (needsFeed) {
      log(`writing a ${count}-article synthetic feed…`);
      await writeFeeds(contentDir, count);
      staticPath = await writeStaticPage(distDir, contentDir, 20);
      bodyBundles = await writeBodyBundles(distDir, contentDir);
    }
    const base = await serve(distDir, contentDir);
    log(`serving ${base} (bench pages under ${BENCH_PATH}/)`);
    return {
      browser,
      base,
      distDir,
      runs: opts.runs,
      count,
      staticPath,
      contentDir,
      bodyBundles,
      warmSearch: opts.warmSearch,
      log,
    };
  };
  const env = await envFor(firstCount);

  /** @type {Row[]} */
  const table = [];
  /** @type {Record<string, unknown>} */
  const details = {};

  const sizeRows = sizeFigure.rows();
  table.push(...sizeRows);
  if (opts.wanted(1))
    details.sizes = await figure('1 sizes', sizeRows, () => sizeFigure.measure(env, sizeRows));

  const appRows = appFigures.rows(firstCount);
  const wantedApp = [2, 3, 5, 6].filter(opts.wanted);
  if (wantedApp.length > 0) {
    details.app = await figure(`2, 3, 5, 6 with ${firstCount} saved`, appRows, () =>
      appFigures.measure(env, appRows, new Set(wantedApp)),
    );
  }

  const syncRows = syncFigure.rows();
  if (opts.wanted(4)) {
    details.sync = await figure('4 sync storage', syncRows, () =>
      syncFigure.measure(env, syncRows),
    );
    const fullRows = syncFigure.fullArchiveRows(firstCount.toLocaleString('en'));
    details.fullSync = await figure(`4h full-archive sync of ${firstCount}`, fullRows, () =>
      syncFigure.measureFullArchive(env, fullRows),
    );
    syncRows.push(...fullRows);
  }

  // Figure 8: Folio's search index beside MiniSearch and Orama (issue 18).
  const libraryRows = librariesFigure.rows(firstCount.toLocaleString('en'), { count: firstCount });
  if (opts.wanted(8)) {
    details.libraries = await figure(
      `8 search engines side by side with ${firstCount} articles`,
      libraryRows,
      () => librariesFigure.measure(env, libraryRows, { once: true }),
    );
  }

  // The same figures at each larger count, each row beside its first-count row ("2a·50k").
  for (const count of wantedApp.length > 0 || opts.wanted(4) || opts.wanted(8) ? moreCounts : []) {
    const rowsAtCount = appFigures.rows(count);
    // Issue 17: at 50,000 the heap with the search index loaded may reach 128 MB.
    const heap = rowsAtCount.find((entry) => entry.id === '6d');
    if (heap && count >= 50_000) heap.budget = atMost(128);
    const envAtCount = await envFor(count);
    if (wantedApp.length > 0) {
      details[`app${count}`] = await figure(`2, 3, 5, 6 with ${count} saved`, rowsAtCount, () =>
        appFigures.measure(envAtCount, rowsAtCount, new Set(wantedApp)),
      );
    } else rowsAtCount.length = 0;
    if (opts.wanted(4)) {
      const fullRows = syncFigure.fullArchiveRows(count.toLocaleString('en'));
      details[`fullSync${count}`] = await figure(`4h full-archive sync of ${count}`, fullRows, () =>
        syncFigure.measureFullArchive(envAtCount, fullRows),
      );
      rowsAtCount.push(...fullRows);
    }
    const suffix = count % 1000 === 0 ? `${count / 1000}k` : String(count);
    for (const entry of rowsAtCount) entry.id = `${entry.id}·${suffix}`;
    appRows.push(...rowsAtCount);
    if (opts.wanted(8)) {
      const librariesAtCount = librariesFigure.rows(count.toLocaleString('en'), {
        count,
        perCountOnly: true,
      });
      details[`libraries${count}`] = await figure(
        `8 search engines side by side with ${count} articles`,
        librariesAtCount,
        () => librariesFigure.measure(envAtCount, librariesAtCount, { once: false }),
      );
      for (const entry of librariesAtCount) entry.id = `${entry.id}·${suffix}`;
      libraryRows.push(...librariesAtCount);
    }
  }

  const lighthouseRows = lighthouseFigure.rows();
  if (opts.lighthouse) {
    const sampleBase = await serve(distDir, path.join(distDir, 'content'));
    details.lighthouse = await figure('7 Lighthouse', lighthouseRows, () =>
      lighthouseFigure.measure({ ...env, base: sampleBase }, lighthouseRows),
    );
  } else {
    markMissing(lighthouseRows, opts.quick ? 'skipped by --quick' : 'skipped');
  }

  // Figures in the issue's order; rows of figures left out with --only are not shown.
  const figureOf = (/** @type {Row} */ entry) => Number.parseInt(entry.id, 10);
  const ordered = [...table, ...appRows, ...syncRows, ...lighthouseRows, ...libraryRows]
    .filter((entry) => opts.wanted(figureOf(entry)))
    .sort((a, b) => figureOf(a) - figureOf(b) || a.id.localeCompare(b.id));
  markMissing(ordered, 'not measured');

  console.log(`\n${textTable(ordered)}\n`);
  const when = new Date().toISOString();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, node ${process.version}, ${browser.version()}`;
  const heading = `Folio bench, ${when.slice(0, 16).replace('T', ' ')} UTC: ${opts.runs} runs${opts.lighthouse ? '' : ', no Lighthouse'}, ${opts.counts.join(' and ')} synthetic articles${opts.only ? `; figures ${opts.only} only` : ''}${opts.warmSearch ? '; --warm-search' : ''}; ${machine}.`;
  const notes = ordered
    .filter((entry) => entry.note)
    .map((entry) => `- ${entry.id}: ${entry.note}`)
    .join('\n');
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(
    path.join(RESULTS_DIR, 'latest.md'),
    `${heading}\n\n${markdownTable(ordered)}\n\nHow each figure is measured:\n\n${notes}\n`,
  );
  await writeFile(
    path.join(RESULTS_DIR, 'latest.json'),
    `${JSON.stringify({ when, machine, runs: opts.runs, counts: opts.counts, rows: ordered.map(summarise), details }, null, 2)}\n`,
  );
  log(`wrote bench/results/latest.md and latest.json`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
