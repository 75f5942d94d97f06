// Figure 8 (issue 18): Folio's own search index side by side with two libraries, MiniSearch 7
// and Orama 3, on the same documents, in the bench's headless Chromium. The engines and how each
// is configured are in bench/pages/search-engines.ts (same fields and boosts, prefixes, one typo
// for words of five letters or more, Folio's own folding and tokenising); the page that builds,
// persists, loads and asks them is bench/pages/search-libraries.ts, one engine per page.
//
// Per count of synthetic articles: query p95 over figure 6's queries, cold load of the persisted
// index, JS heap with it loaded, and the build. Once: ranking quality on the judged queries
// (tests/fixtures/search-judgements, read-only) and the code each engine ships, brotli.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build as viteBuild, runnerImport } from 'vite';
import { openBenchPage } from '../lib/app-session.mjs';
import { readHeap } from '../lib/browser.mjs';
import { atLeast, atMost, reasonOf, row, sampler } from '../lib/rows.mjs';
import { BENCH_PATH, REPO_ROOT } from '../lib/setup.mjs';
import { brotliSize, staticImports } from '../lib/sizes.mjs';
import { median, p95 } from '../lib/stats.mjs';
import { QUERIES } from './search.mjs';

/** @typedef {import('../lib/stats.mjs').Row} Row */
/** @typedef {import('../pages/search-engines').EngineName} EngineName */
/** @typedef {import('../pages/search-libraries').SearchLibrariesApi} Api */

/**
 * Row numbers by engine: "8c1" is Folio's query p95, "8c2" MiniSearch's, "8c3" Orama's.
 * @type {{ name: EngineName, label: string, n: number }[]}
 */
export const ENGINES = [
  { name: 'folio', label: 'Folio', n: 1 },
  { name: 'minisearch', label: 'MiniSearch 7', n: 2 },
  { name: 'orama', label: 'Orama 3', n: 3 },
];

/** How long an engine may take to index every article (the page stops it past this). */
const BUILD_TIMEOUT_MS = 5 * 60_000;
/** And to produce and store its persisted form after that, or to crash trying. */
const PERSIST_TIMEOUT_MS = 5 * 60_000;
/** Rounds of the queries per page; the first warms up and is not counted. */
const QUERY_ROUNDS = 3;

const JUDGED_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'search-judgements');
const PAGE = 'search-libraries.html';

/** Rows measured at every count: query p95, cold load, heap, build, read and load. */
const PER_COUNT = new Set(['c', 'd', 'e', 'g', 'h']);

/** @param {string} id */
const metricOf = (id) => id.charAt(1);

/**
 * The figure's rows: at the first count all of them; at the others (`perCountOnly`) those that
 * depend on the count. The issue's budgets apply to the engine Folio ships (its own); the
 * libraries' rows are reported.
 * @param {string} saved how many articles, written out
 * @param {{ perCountOnly?: boolean, count?: number }} [options]
 * @returns {Row[]}
 */
export function rows(saved, options = {}) {
  const heapBudget = (options.count ?? 10_000) >= 50_000 ? 128 : 64;
  /** @type {Row[]} */
  const made = [];
  for (const { label, n } of ENGINES) {
    const folio = n === 1;
    made.push(
      row(
        `8a${n}`,
        `${label}: judged top-3 recall`,
        'fraction',
        'median',
        folio ? atLeast(0.9) : null,
        "recall@3 of tests/fixtures/search-judgements (queries.json, metrics.mjs evaluate) over its corpus (the sample feed, the planted articles and 2,000 synthetic ones, built by its corpus.ts into the app's documentsFor documents), each engine built in the page, persisted and loaded back; a quoted phrase counts as its words (no engine is given bodies to check phrases in, as in the judged set's own Folio search)",
      ),
      row(
        `8b${n}`,
        `${label}: judged MRR`,
        'fraction',
        'median',
        null,
        'mean reciprocal rank of the first relevant article within the top 10, same queries and corpus as 8a',
      ),
      row(
        `8c${n}`,
        `${label}: query, ${saved} articles`,
        'ms',
        'p95',
        folio ? atMost(16) : null,
        `each of figure 6's ${QUERIES.length} queries timed in the page (performance.now around the engine's search, up to 50 articles, one hit per article, -words leaving out the article), ${QUERY_ROUNDS - 1} rounds per page after a warm-up round, one fresh page per run (the issue's 6a budget applies to Folio's engine)`,
      ),
      row(
        `8d${n}`,
        `${label}: cold load of the persisted index, ${saved} articles`,
        'ms',
        'median',
        folio ? atMost(3000) : null,
        "from the persisted form read from IndexedDB (Folio: SearchIndex.pack()'s structured data, loaded with SearchIndex.load; MiniSearch: JSON.stringify(miniSearch), MiniSearch.loadJSONAsync; Orama: JSON of its save(), as its data-persistence plugin writes it, JSON.parse and its load(); a string is stored in IndexedDB in slices of 50 M characters, under Chromium's 127 MB a value) to the first query answered, on a fresh page; the IndexedDB read is in 8h (the issue's 6b budget of 3 s applies to Folio's engine)",
      ),
      row(
        `8e${n}`,
        `${label}: JS heap with the index loaded, ${saved} articles`,
        'MB',
        'median',
        folio ? atMost(heapBudget) : null,
        "Runtime.getHeapUsage after HeapProfiler.collectGarbage on the page holding only that engine, loaded and queried (the persisted form let go); Folio keeps each result's title, excerpt, categories and date as the app shows them, the libraries the article id and language only (the issue's 6d budget applies to Folio's engine)",
      ),
      row(
        `8h${n}`,
        `${label}: IndexedDB read + cold load, ${saved} articles`,
        'ms',
        'median',
        null,
        "8d with the IndexedDB read of the persisted form before it: a structured form (Folio's typed arrays) is deserialised by that read, a string (MiniSearch's, Orama's JSON, its slices joined) by the engine's load",
      ),
      row(
        `8g${n}`,
        `${label}: index build, ${saved} articles`,
        'ms',
        'median',
        null,
        `time inside the engine's add calls while every article of the synthetic feed is indexed on the page's main thread (reading and parsing the feed not counted), one build per bench run; an engine still indexing after ${BUILD_TIMEOUT_MS / 60_000} min is n/a`,
      ),
    );
  }
  made.push(
    row(
      '8f1',
      'Folio: search code shipped (the search worker chunk), brotli',
      'KB',
      'median',
      null,
      "the built app's search worker chunk and the chunks it imports statically, brotli quality 11 (Folio's engine, folding, the worker's IndexedDB reads and messages)",
    ),
    row(
      '8f2',
      'MiniSearch 7: library code, minified + brotli',
      'KB',
      'median',
      null,
      "`import MiniSearch from 'minisearch'` bundled alone by vite (its minifier), brotli quality 11; the worker code around it not counted",
    ),
    row(
      '8f3',
      'Orama 3: library code, minified + brotli',
      'KB',
      'median',
      null,
      "the functions figure 8 imports from '@orama/orama' (create, insertMultiple, search, save, load, components) bundled alone by vite, brotli quality 11; the worker code around it not counted",
    ),
    row(
      '8f4',
      'Folio: the index alone (search-index.ts), bundled as the libraries are',
      'KB',
      'median',
      null,
      '`export { SearchIndex }` from src/lib/search/search-index.ts bundled alone by vite, brotli quality 11: the like-for-like comparison with 8f2 and 8f3',
    ),
  );
  if (!options.perCountOnly) return made;
  return made.filter((entry) => PER_COUNT.has(metricOf(entry.id)));
}

/**
 * Minified + brotli bytes of `code`'s module graph, bundled alone by vite.
 * @param {string} code an ES module importing what is measured
 * @returns {Promise<number>}
 */
async function bundledBrotli(code) {
  const output = await viteBuild({
    configFile: false,
    logLevel: 'silent',
    root: REPO_ROOT,
    plugins: [
      {
        name: 'figure-8-entry',
        resolveId: (id) => (id === 'virtual:figure-8' ? '\0figure-8' : null),
        load: (id) => (id === '\0figure-8' ? code : null),
      },
    ],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      modulePreload: false,
      rollupOptions: {
        input: 'virtual:figure-8',
        preserveEntrySignatures: 'strict',
        output: { codeSplitting: false },
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  let js = '';
  for (const result of results) {
    if (!('output' in result)) throw new Error('vite build returned a watcher');
    for (const chunk of result.output) if (chunk.type === 'chunk') js += chunk.code;
  }
  return brotliSize(Buffer.from(js));
}

/**
 * The search worker chunk of the build and every chunk it imports statically, brotli.
 * @param {string} distDir
 * @returns {Promise<{ bytes: number, files: string[] }>}
 */
async function workerChunkBrotli(distDir) {
  const assets = path.join(distDir, 'assets');
  const worker = (await readdir(assets)).find((name) => /^search\.worker-.*\.js$/.test(name));
  if (!worker) throw new Error('no search worker chunk in the build');
  const seen = new Set();
  const queue = [worker];
  let bytes = 0;
  while (queue.length > 0) {
    const name = /** @type {string} */ (queue.shift());
    if (seen.has(name)) continue;
    seen.add(name);
    const body = await readFile(path.join(assets, name));
    bytes += brotliSize(body);
    for (const specifier of staticImports(body.toString('utf8'))) {
      if (specifier.startsWith('./')) queue.push(specifier.slice(2));
    }
  }
  return { bytes, files: [...seen] };
}

/**
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {(id: string, value: number) => void} add
 */
async function measureBytes(env, add) {
  const worker = await workerChunkBrotli(env.distDir);
  add('8f1', worker.bytes / 1000);
  add('8f2', (await bundledBrotli("export { default } from 'minisearch';")) / 1000);
  add(
    '8f3',
    (await bundledBrotli(
      "export { components, create, insertMultiple, load, save, search } from '@orama/orama';",
    )) / 1000,
  );
  const folioIndex = path.join(REPO_ROOT, 'src', 'lib', 'search', 'search-index.ts');
  add(
    '8f4',
    (await bundledBrotli(`export { SearchIndex } from ${JSON.stringify(folioIndex)};`)) / 1000,
  );
  return { workerFiles: worker.files };
}

/**
 * The judged set's corpus as the documents Folio indexes, written beside the bench pages; and
 * its queries. Null when the judged set is not there.
 * @param {import('../lib/setup.mjs').BenchEnv} env
 */
async function judgedSet(env) {
  /** @type {typeof import('../../tests/fixtures/search-judgements/metrics.mjs')} */
  const metrics = await import(path.join(JUDGED_DIR, 'metrics.mjs'));
  const judgements = metrics.parseJudgements(
    JSON.parse(await readFile(path.join(JUDGED_DIR, 'queries.json'), 'utf8')),
  );
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-judged-'));
  try {
    const options = /** @type {const} */ ({ configFile: false, logLevel: 'warn' });
    /** @type {{ module: { loadCorpus: (dir: string) => Promise<{ summary: unknown, article: unknown }[]> } }} */
    const corpusModule = await runnerImport(path.join(JUDGED_DIR, 'corpus.ts'), options);
    /** @type {{ module: { documentsFor: (summary: unknown, article: unknown) => unknown[] } }} */
    const documentsModule = await runnerImport(
      path.join(REPO_ROOT, 'src', 'lib', 'search', 'documents.ts'),
      options,
    );
    const corpus = await corpusModule.module.loadCorpus(tmp);
    const documents = corpus.flatMap(({ summary, article }) =>
      documentsModule.module.documentsFor(summary, article),
    );
    const file = 'judged-documents.json';
    await writeFile(path.join(env.distDir, BENCH_PATH.slice(1), file), JSON.stringify(documents));
    return {
      metrics,
      judgements,
      articles: corpus.length,
      documentsUrl: `${BENCH_PATH}/${file}`,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * @param {import('playwright-core').Page} page
 * @returns {Promise<never>} rejects when the page crashes (out of memory, most often)
 */
const crashOf = (page) =>
  new Promise((_, reject) => {
    page.once('crash', () => reject(new Error('the page crashed (out of memory?)')));
  });

/**
 * @template T
 * @param {Promise<T>} work
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function within(work, ms, what) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 60_000} min`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([work, late]).finally(() => clearTimeout(timer)));
}

/**
 * Marks an engine's rows (those still without samples) as not measured, with the reason.
 * @param {Row[]} table
 * @param {number} n
 * @param {string} metrics letters of the rows concerned
 * @param {string} reason
 */
function engineMissing(table, n, metrics, reason) {
  for (const entry of table) {
    if (!entry.id.endsWith(String(n)) || !metrics.includes(metricOf(entry.id))) continue;
    if (entry.samples.length === 0) entry.missing ??= reason;
  }
}

/**
 * Ranking quality of one engine on the judged set, in its own context and page.
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {NonNullable<Awaited<ReturnType<typeof judgedSet>>>} judged
 * @param {EngineName} name
 */
async function judge(env, judged, name) {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await openBenchPage(page, env.base, PAGE);
    const crashed = crashOf(page);
    const built = await Promise.race([
      page.evaluate(
        (options) =>
          /** @type {{ folioBench: Api }} */ (
            /** @type {unknown} */ (globalThis)
          ).folioBench.buildFrom(options),
        { engine: name, documentsUrl: judged.documentsUrl },
      ),
      crashed,
    ]);
    const asks = judged.judgements.map(({ query, lang, filterLang }) => ({
      query,
      options: { limit: 10, filterLang, preferLang: lang },
    }));
    const answers = await Promise.race([
      page.evaluate(
        (list) =>
          /** @type {{ folioBench: Api }} */ (
            /** @type {unknown} */ (globalThis)
          ).folioBench.searchAll(list),
        asks,
      ),
      crashed,
    ]);
    /** @type {Map<string, string[]>} */
    const byAsk = new Map();
    const keyOf = (
      /** @type {string} */ query,
      /** @type {string} */ lang,
      /** @type {string | null} */ filterLang,
    ) => JSON.stringify([query, lang, filterLang]);
    judged.judgements.forEach(({ query, lang, filterLang }, at) =>
      byAsk.set(
        keyOf(query, lang, filterLang),
        (answers[at] ?? []).map((hit) => hit.articleId),
      ),
    );
    const evaluation = await judged.metrics.evaluate(
      judged.judgements,
      (query, { lang, filterLang }) => byAsk.get(keyOf(query, lang, filterLang)) ?? [],
    );
    return { built, evaluation };
  } finally {
    await context.close();
  }
}

/**
 * Builds one engine over the count's synthetic feed, then loads and asks it on fresh pages of
 * the same context (so they share its IndexedDB), one per run.
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {EngineName} name
 * @param {number} n
 * @param {(id: string, value: number) => void} add
 */
async function measureEngine(env, name, n, add) {
  const context = await env.browser.newContext();
  try {
    const buildPage = await context.newPage();
    /** @type {Awaited<ReturnType<Api['build']>>} */
    let built;
    try {
      await openBenchPage(buildPage, env.base, PAGE);
      built = await within(
        Promise.race([
          buildPage.evaluate(
            (options) =>
              /** @type {{ folioBench: Api }} */ (
                /** @type {unknown} */ (globalThis)
              ).folioBench.build(options),
            {
              engine: name,
              feedUrl: `${env.base}/content/index.json`,
              bodies: env.bodyBundles,
              timeoutMs: BUILD_TIMEOUT_MS,
            },
          ),
          crashOf(buildPage),
        ]),
        BUILD_TIMEOUT_MS + PERSIST_TIMEOUT_MS,
        'build and persist',
      );
    } finally {
      await buildPage.close().catch(() => undefined);
    }
    add(`8g${n}`, built.buildMs);
    if (built.persistError !== undefined) {
      env.log(
        `  ${name}: ${built.articles} articles indexed in ${(built.buildMs / 1000).toFixed(1)} s, not persisted: ${built.persistError}`,
      );
      throw new Error(`not persisted: ${built.persistError}`);
    }
    env.log(
      `  ${name}: ${built.articles} articles (${built.documents} documents) indexed in ${(built.buildMs / 1000).toFixed(1)} s, persisted in ${built.persistMs.toFixed(0)} ms (${(built.persistedSize / 1e6).toFixed(1)} M chars or bytes)`,
    );
    const runs = [];
    for (let run = 1; run <= env.runs; run++) {
      const page = await context.newPage();
      try {
        await openBenchPage(page, env.base, PAGE);
        const crashed = crashOf(page);
        const cold = await Promise.race([
          page.evaluate(
            (options) =>
              /** @type {{ folioBench: Api }} */ (
                /** @type {unknown} */ (globalThis)
              ).folioBench.coldLoad(options),
            { engine: name, firstQuery: /** @type {string} */ (QUERIES[0]) },
          ),
          crashed,
        ]);
        add(`8d${n}`, cold.coldMs);
        add(`8h${n}`, cold.readMs + cold.coldMs);
        const rounds = await Promise.race([
          page.evaluate(
            (options) =>
              /** @type {{ folioBench: Api }} */ (
                /** @type {unknown} */ (globalThis)
              ).folioBench.timeQueries(options),
            { queries: QUERIES, rounds: QUERY_ROUNDS },
          ),
          crashed,
        ]);
        for (const times of rounds.slice(1)) for (const ms of times) add(`8c${n}`, ms);
        const heap = await readHeap(env.browser, page, env.base);
        add(`8e${n}`, heap.pageMB);
        const counted = rounds.slice(1);
        const worst = QUERIES.map((query, at) => ({
          query,
          ms: Math.max(...counted.map((times) => times[at] ?? 0)),
        })).sort((a, b) => b.ms - a.ms)[0];
        env.log(
          `  ${name} run ${run}: cold load ${cold.coldMs.toFixed(0)} ms (+ ${cold.readMs.toFixed(0)} ms IndexedDB read${cold.syncLoadMs === undefined ? '' : `; ${cold.syncLoadMs.toFixed(0)} ms with the synchronous loadJSON`}), slowest query ${worst?.ms.toFixed(1)} ms (${worst?.query}), heap ${heap.pageMB.toFixed(1)} MB`,
        );
        runs.push({ ...cold, rounds, heapMB: heap.pageMB });
      } finally {
        await page.close().catch(() => undefined);
      }
    }
    // Only Folio checks a quoted phrase (in titles and excerpts): its cost, apart.
    const quoted = QUERIES.map((query, at) => (query.includes('"') ? at : -1)).filter(
      (at) => at >= 0,
    );
    const counted = runs.flatMap((entry) => entry.rounds.slice(1));
    const without = counted.flatMap((times) => times.filter((_, at) => !quoted.includes(at)));
    const phrases = counted.flatMap((times) => quoted.map((at) => times[at] ?? 0));
    env.log(
      `  ${name}: query p95 ${p95(counted.flat()).toFixed(1)} ms; without the quoted query ${p95(without).toFixed(1)} ms; the quoted query median ${median(phrases).toFixed(1)} ms`,
    );
    return { built, runs, p95WithoutQuoted: p95(without), quotedMedian: median(phrases) };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Measures figure 8 at env.count; `once` (at the first count) adds the judged set's quality and
 * the bytes shipped, which do not depend on the count.
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {Row[]} table
 * @param {{ once?: boolean }} [options]
 */
export async function measure(env, table, options = {}) {
  const add = sampler(table);
  /** @type {Record<string, unknown>} */
  const details = {};
  if (options.once ?? true) {
    try {
      details.bytes = await measureBytes(env, add);
    } catch (error) {
      env.log(`  bytes shipped: ${reasonOf(error)}`);
      for (const { n } of ENGINES) engineMissing(table, n, 'f', reasonOf(error));
      engineMissing(table, 4, 'f', reasonOf(error));
    }
    /** @type {Awaited<ReturnType<typeof judgedSet>> | null} */
    let judged = null;
    try {
      judged = await judgedSet(env);
      env.log(`  judged set: ${judged.judgements.length} queries over ${judged.articles} articles`);
    } catch (error) {
      const reason = `judged set unavailable: ${reasonOf(error)}`;
      env.log(`  ${reason}`);
      for (const { n } of ENGINES) engineMissing(table, n, 'ab', reason);
    }
    if (judged) {
      /** @type {Record<string, unknown>} */
      const quality = {};
      for (const { name, n, label } of ENGINES) {
        try {
          const { evaluation } = await judge(env, judged, name);
          add(`8a${n}`, evaluation.recallAt3);
          add(`8b${n}`, evaluation.mrr);
          env.log(
            `  ${label}: recall@3 ${evaluation.recallAt3.toFixed(3)}, MRR ${evaluation.mrr.toFixed(3)}, ${evaluation.failures.length} queries missing a relevant article from the top 3`,
          );
          quality[name] = {
            recallAt3: evaluation.recallAt3,
            mrr: evaluation.mrr,
            failures: evaluation.failures,
          };
        } catch (error) {
          env.log(`  ${label} on the judged set: ${reasonOf(error)}`);
          engineMissing(table, n, 'ab', reasonOf(error));
        }
      }
      details.quality = quality;
    }
  }
  for (const { name, n, label } of ENGINES) {
    try {
      details[name] = await measureEngine(env, name, n, add);
    } catch (error) {
      env.log(`  ${label} at ${env.count}: ${reasonOf(error)}`);
      engineMissing(table, n, 'cdegh', reasonOf(error));
    }
  }
  return details;
}
