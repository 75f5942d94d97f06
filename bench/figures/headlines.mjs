// Figure 2: the offline repeat visit's first 20 headlines, beside a static page with the same 20
// headlines from the same server (the floor); and the JS heap at start (figure 6, before search).
import { readHeap } from '../lib/browser.mjs';
import { delay, probedContext, visit } from '../lib/app-session.mjs';
import { aimAtMost, atMost, row, rowOf, sampler } from '../lib/rows.mjs';

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
      aimAtMost(3),
      'per run: app ÷ static page of the same run',
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
    // One visit of each first, not counted: caches and compiled code warm up.
    await (await visit(appContext, appUrl)).page.close();
    await (await visit(staticContext, staticUrl)).page.close();
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
      add('2a', painted);
      add('2b', floorPainted);
      add('2c', painted / floorPainted);
      if (mark !== undefined) add('2d', mark);
      if (heapReading) add('6e', heapReading.pageMB + heapReading.workersMB);
      details.push({
        app: { painted, headlines: app.headlines, cards: app.headlineCount, mark, fcp: app.fcp },
        floor: { painted: floorPainted, headlines: floor.headlines, fcp: floor.fcp },
        heap: heapReading,
      });
      env.log(
        `  visit ${run}: app ${painted.toFixed(0)} ms (mark ${mark?.toFixed(0) ?? '–'}, FCP ${app.fcp?.toFixed(0) ?? '–'}), static ${floorPainted.toFixed(0)} ms${heapReading ? `, heap ${(heapReading.pageMB + heapReading.workersMB).toFixed(1)} MB` : ''}`,
      );
    }
    const marked = details.filter((entry) => entry.app.mark !== undefined).length;
    if (marked === 0) rowOf(table, '2d').missing = 'the app sets no folio:headlines mark';
  } finally {
    await staticContext.close();
  }
  return details;
}
