// A browser profile with 10,000 articles saved, served by the app's own service worker and then
// cut off from the network: the "offline repeat visit" that figures 2, 3 and 6 measure.
import { probe } from './probe.mjs';
import { BENCH_PATH } from './setup.mjs';

/** The first screen of Home: card headlines. */
export const PROBE_OPTIONS = { headlines: 20, headlineSelector: 'article.card h2' };

/** @param {number} ms */
export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [options]
 */
export async function probedContext(browser, options = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(probe, PROBE_OPTIONS);
  return context;
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} base
 * @param {string} name seed.html or sync.html
 */
export async function openBenchPage(page, base, name) {
  await page.goto(`${base}${BENCH_PATH}/${name}`);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
}

/**
 * Waits until the service worker controls the page and no sync or search-index update runs or
 * waits (the worker starts a sync right after it claims the page, and indexes what it stored).
 * Resolves with how long the worker held its index lock, in ms (polled), or null if it did not.
 * @param {import('playwright-core').Page} page
 * @param {number} timeout
 * @returns {Promise<number | null>}
 */
export async function waitForQuietController(page, timeout) {
  await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout,
      polling: 100,
    })
    .catch(() => {
      throw new Error(`no service worker controlled the app within ${timeout / 1000} s`);
    });
  const deadline = Date.now() + timeout;
  let quiet = 0;
  /** @type {number | null} */
  let indexFrom = null;
  let indexTo = 0;
  while (quiet < 3) {
    if (Date.now() > deadline) throw new Error(`the first sync did not finish in ${timeout} ms`);
    const held = await page.evaluate(async () => {
      const locks = await navigator.locks.query();
      const names = [...(locks.held ?? []), ...(locks.pending ?? [])].map((lock) => lock.name);
      return { sync: names.includes('folio-sync'), index: names.includes('folio-index') };
    });
    if (held.index) {
      indexFrom ??= Date.now();
      indexTo = Date.now();
    }
    quiet = held.sync || held.index ? 0 : quiet + 1;
    await delay(200);
  }
  return indexFrom === null ? null : indexTo - indexFrom;
}

/**
 * @typedef {object} SeededSession
 * @property {import('playwright-core').BrowserContext} context
 * @property {{ summaries: number, bodies: number, failures: number, ms: number, read: number }} seeded
 * @property {import('playwright-core').Page} seedPage still open, for figure 5
 * @property {string[]} errors the app's uncaught errors and console errors, to explain a failure
 */

/**
 * Seeds the app's database through the bench page, with the app's own write functions, then
 * opens the app once online so that its service worker installs and controls the origin.
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @returns {Promise<SeededSession>}
 */
export async function seededSession(env) {
  const context = await probedContext(env.browser);
  /** @type {string[]} */
  const errors = [];
  context.on('weberror', (error) => errors.push(`uncaught ${String(error.error())}`));
  context.on('console', (message) => {
    // Offline, every failed feed request is a console error: those explain nothing.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      errors.push(message.text());
    }
  });
  context.on('serviceworker', (worker) =>
    worker.on('console', (message) => {
      if (message.type() === 'error') errors.push(`service worker: ${message.text()}`);
    }),
  );
  try {
    const seedPage = await context.newPage();
    seedPage.setDefaultTimeout(30_000);
    await openBenchPage(seedPage, env.base, 'seed.html');
    const seeded = await seedPage.evaluate(
      (options) => /** @type {any} */ (globalThis).folioBench.seed(options),
      { feedUrl: `${env.base}/content/index.json`, bodies: env.bodyBundles },
    );
    env.log(
      `  seeded ${seeded.summaries} summaries and ${seeded.bodies} bodies in ${(seeded.ms / 1000).toFixed(1)} s (writing bodies ${(seeded.storeMs / 1000).toFixed(1)} s), ${seeded.read} marked read${seeded.failures ? `, ${seeded.failures} failed` : ''}`,
    );
    if (seeded.failures > 0 || seeded.bodies !== seeded.summaries) {
      throw new Error(`seeding saved ${seeded.bodies} of ${seeded.summaries} articles`);
    }
    return { context, seeded, seedPage, errors };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * First visit online (the service worker installs and syncs), then offline for good.
 * @param {SeededSession} session
 * @param {string} base
 * @param {boolean} warmSearch open /search once online too, so that whatever it loads is cached
 *   even if the service worker's install did not cache it (--warm-search; not the default:
 *   search must work offline on first use)
 * @returns {Promise<number | null>} how long the service worker spent indexing after its sync
 */
export async function installAndGoOffline(session, base, warmSearch) {
  const { context, errors } = session;
  const page = await context.newPage();
  /** @type {number | null} */
  let indexMs;
  try {
    await page.goto(`${base}/`);
    indexMs = await waitForQuietController(page, 180_000).catch((error) => {
      const why = errors.length > 0 ? `; the app said: ${errors[0]}` : '';
      throw new Error(`${error instanceof Error ? error.message.split('\n')[0] : error}${why}`);
    });
    if (warmSearch) {
      await page.goto(`${base}/search?q=`);
      await delay(3000);
    }
  } finally {
    await page.close();
  }
  await context.setOffline(true);
  return indexMs;
}

/**
 * @typedef {object} Visit
 * @property {import('playwright-core').Page} page
 * @property {number | null} headlines 20 headlines in the document and painted, ms from navigation start
 * @property {number} headlineCount headlines in the document when last counted
 * @property {Record<string, number>} marks the app's folio:* marks
 * @property {Record<string, number>} markPainted the frame after each mark
 * @property {number | null} fcp
 * @property {{ start: number, duration: number }[]} longTasks
 */

/**
 * Opens `url` in a new page of `context` and waits for its first screen of headlines: 20 card
 * headlines painted, or the app's 'folio:headlines' mark and the frame after it (a windowed list
 * may render fewer than 20 cards in the viewport).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @param {{ cpuSlowdown?: number }} [options] a CPU slowed that many times (the DevTools
 *   protocol's Emulation.setCPUThrottlingRate), set before the navigation starts
 * @returns {Promise<Visit>}
 */
export async function visit(context, url, options = {}) {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  if (options.cpuSlowdown !== undefined && options.cpuSlowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
  }
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const bench = /** @type {any} */ (globalThis).__bench;
      return bench.headlines !== null || 'folio:headlines' in bench.markPainted;
    },
    null,
    { polling: 50, timeout: 30_000 },
  );
  // The other signal may come a frame later; both are reported.
  await delay(250);
  const seen = await page.evaluate(() => {
    const bench = /** @type {any} */ (globalThis).__bench;
    return {
      headlines: bench.headlines,
      headlineCount: bench.headlineCount,
      marks: bench.marks,
      markPainted: bench.markPainted,
      fcp: bench.fcp,
      longTasks: bench.longTasks,
    };
  });
  return { page, ...seen };
}
