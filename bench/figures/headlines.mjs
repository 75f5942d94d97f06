// Figure 2: the offline repeat visit's first 20 headlines, beside a static page with the same 20
// headlines from the same server (the floor), beside the app's own HTML served with no worker, and
// both again on a CPU slowed 6 times; and the JS heap at start (figure 6, before search).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readHeap } from '../lib/browser.mjs';
import { BENCH_PATH } from '../lib/setup.mjs';
import { delay, probedContext, visit } from '../lib/app-session.mjs';
import { atMost, row, rowOf, sampler } from '../lib/rows.mjs';

/** @param {string} saved how many articles the profile holds, written out */
export function rows(saved) {
  return [
    row(
      '2a',
      `offline repeat visit, ${saved} saved: first 20 headlines painted`,
      'ms',
      'median',
      atMost(300),
      'from navigation start to the frame after 20 `article.card h2` are in the document (rAF, then a message-channel task; never before first-contentful-paint), on a new tab of a profile whose service worker controls the page, offline; when a windowed list shows fewer than 20, the frame after the app’s `folio:headlines` mark. The headlines are in the HTML the service worker renders Home into from IndexedDB (src/lib/boot/), which the app then hydrates (2d)',
    ),
    row(
      '2b',
      'static page, same 20 headlines, same server (floor)',
      'ms',
      'median',
      null,
      'plain HTML, no script or CSS, warm HTTP cache, measured the same way in the same run',
    ),
    row(
      '2c',
      'ratio of 2a to 2b',
      'ratio',
      'median',
      atMost(1.3),
      'per run: app ÷ static page of the same run',
    ),
    row('2e', 'ratio of 2a to 2b, p95', 'ratio', 'p95', atMost(1.6), 'the samples of 2c'),
    row(
      '2f',
      'the HTML of 2a served as a static file, no worker',
      'ms',
      'median',
      null,
      'the very page the service worker answered 2a with (markup, data, inline styles, scripts), saved as a file and opened in a context with service workers blocked, warm HTTP cache, measured the same way in the same run: what the page costs without the worker',
    ),
    row(
      '2g',
      'ratio of 2a to 2f: the worker’s own cost',
      'ratio',
      'median',
      null,
      'per run: app ÷ its own HTML served statically, same run',
    ),
    row(
      '2h',
      'offline repeat visit, CPU 6× slower: first 20 headlines painted',
      'ms',
      'median',
      null,
      'as 2a, with Emulation.setCPUThrottlingRate 6 set before navigation',
    ),
    row(
      '2i',
      'static page of 2b, CPU 6× slower',
      'ms',
      'median',
      null,
      'as 2b, throttled the same way',
    ),
    row(
      '2j',
      'ratio of 2h to 2i',
      'ratio',
      'median',
      atMost(1.5),
      'per run: throttled app ÷ throttled static page of the same run',
    ),
    row(
      '2d',
      'the app’s own list in the document: `folio:headlines` mark',
      'ms',
      'median',
      null,
      'startTime of performance.mark("folio:headlines"), from navigation start: the list live, once the app has hydrated the markup of 2a',
    ),
  ];
}

export function heapAtStartRow() {
  return row(
    '6e',
    'JS heap at start, before search is used (page + workers)',
    'MB',
    'median',
    atMost(20),
    'Runtime.getHeapUsage after HeapProfiler.collectGarbage, on the Home tab of the offline repeat visit 1 s after its headlines, plus every dedicated worker of the origin (the service worker is reported apart in latest.json)',
  );
}

/**
 * When the first screen of headlines was painted: the frame after they were all in the document
 * (or after the app's mark, when a windowed list shows fewer than 20), and never before the
 * first contentful paint, which the browser times at presentation.
 * @param {import('../lib/app-session.mjs').Visit} seen
 * @returns {number | null}
 */
function paintedAt(seen) {
  const frame = seen.headlines ?? seen.markPainted['folio:headlines'] ?? null;
  if (frame === null) return null;
  return Math.max(frame, seen.fcp ?? 0);
}

/**
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {import('playwright-core').BrowserContext} appContext seeded, controlled, offline
 * @param {import('../lib/stats.mjs').Row[]} table
 * @param {boolean} heap whether to read the heap (figure 6 wanted)
 */
export async function measure(env, appContext, table, heap) {
  const add = sampler(table);
  const staticContext = await probedContext(env.browser, { serviceWorkers: 'block' });
  const details = [];
  try {
    const appUrl = `${env.base}/`;
    const staticUrl = `${env.base}${env.staticPath}`;
    const renderedUrl = `${env.base}${await saveRenderedHome(env, appContext, appUrl)}`;
    // One visit of each first, not counted: caches and compiled code warm up.
    await (await visit(staticContext, staticUrl)).page.close();
    await (await visit(staticContext, renderedUrl)).page.close();
    for (let run = 1; run <= env.runs; run++) {
      const app = await visit(appContext, appUrl);
      const mark = app.marks['folio:headlines'];
      const painted = paintedAt(app);
      let heapReading = null;
      if (heap) {
        await delay(1000);
        heapReading = await readHeap(env.browser, app.page, env.base);
      }
      await app.page.close();
      const floor = await visit(staticContext, staticUrl);
      await floor.page.close();
      const floorPainted = paintedAt(floor);
      if (painted === null || floorPainted === null) {
        throw new Error(`no headlines painted (app: ${app.headlineCount} cards in the document)`);
      }
      const rendered = await visit(staticContext, renderedUrl);
      await rendered.page.close();
      const renderedPainted = paintedAt(rendered);
      const slowApp = await visit(appContext, appUrl, { cpuSlowdown: 6 });
      await slowApp.page.close();
      const slowFloor = await visit(staticContext, staticUrl, { cpuSlowdown: 6 });
      await slowFloor.page.close();
      const slowPainted = paintedAt(slowApp);
      const slowFloorPainted = paintedAt(slowFloor);
      if (renderedPainted === null || slowPainted === null || slowFloorPainted === null) {
        throw new Error('no headlines painted on the static copy of Home or on a throttled CPU');
      }
      add('2a', painted);
      add('2b', floorPainted);
      add('2c', painted / floorPainted);
      add('2e', painted / floorPainted);
      add('2f', renderedPainted);
      add('2g', painted / renderedPainted);
      add('2h', slowPainted);
      add('2i', slowFloorPainted);
      add('2j', slowPainted / slowFloorPainted);
      if (mark !== undefined) add('2d', mark);
      if (heapReading) add('6e', heapReading.pageMB + heapReading.workersMB);
      details.push({
        app: { painted, headlines: app.headlines, cards: app.headlineCount, mark, fcp: app.fcp },
        floor: { painted: floorPainted, headlines: floor.headlines, fcp: floor.fcp },
        rendered: { painted: renderedPainted, fcp: rendered.fcp },
        throttled: { app: slowPainted, floor: slowFloorPainted },
        heap: heapReading,
      });
      env.log(
        `  visit ${run}: app ${painted.toFixed(0)} ms (mark ${mark?.toFixed(0) ?? '–'}, FCP ${app.fcp?.toFixed(0) ?? '–'}), static ${floorPainted.toFixed(0)} ms, its HTML static ${renderedPainted.toFixed(0)} ms, 6× CPU app ${slowPainted.toFixed(0)} / static ${slowFloorPainted.toFixed(0)} ms${heapReading ? `, heap ${(heapReading.pageMB + heapReading.workersMB).toFixed(1)} MB` : ''}`,
      );
    }
    const marked = details.filter((entry) => entry.app.mark !== undefined).length;
    if (marked === 0) rowOf(table, '2d').missing = 'the app sets no folio:headlines mark';
  } finally {
    await staticContext.close();
  }
  return details;
}

/**
 * Saves the HTML the service worker answers a navigation to Home with as a file beside the
 * static page, and returns its path on the server.
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {import('playwright-core').BrowserContext} appContext
 * @param {string} appUrl
 */
async function saveRenderedHome(env, appContext, appUrl) {
  const page = await appContext.newPage();
  try {
    const response = await page.goto(appUrl);
    if (!response?.fromServiceWorker()) throw new Error('Home was not answered by the worker');
    const html = await response.text();
    if (!html.includes('article')) throw new Error('the worker answered Home with no cards');
    await writeFile(path.join(env.distDir, BENCH_PATH.slice(1), 'rendered-home.html'), html);
    return `${BENCH_PATH}/rendered-home.html`;
  } finally {
    await page.close();
  }
}
