// Figure 3: category switch, "Unread only", language switch and bookmark on Home with --count
// saved (10,000 by default), one in three marked read (the chips show unread/total), offline.
// Input to next paint per interaction is the worse of two readings: the Event Timing API
// (largest duration of the interaction's entries, reported from 16 ms) and, for every input
// event, its timeStamp to the frame after it (rAF, then a message-channel task).
import { arm, collect, settled } from '../lib/probe.mjs';
import { delay, visit } from '../lib/app-session.mjs';
import { atMost, row, sampler } from '../lib/rows.mjs';

/** Each interaction, with its rows: input to next paint, and until the change is painted. */
const KINDS = /** @type {const} */ ([
  ['category', 'category switch (filter chip)', '3a', '3e'],
  ['language', 'language switch (header select)', '3b', '3f'],
  ['bookmark', 'bookmark toggle (card button)', '3c', '3g'],
  ['unread', 'unread-only filter (Unread only button)', '3i', '3j'],
]);
const INP_NOTE =
  'input to next paint: max of the Event Timing entries of the interaction (durationThreshold 16) and, per input event, event.timeStamp to the frame after it';
const SETTLED_NOTE =
  'input to the frame after the last DOM change it caused (no change for 200 ms); the list of a category arrives from IndexedDB after the first paint';

export function rows() {
  return [
    ...KINDS.map(([, label, id]) =>
      row(id, `${label}: input to next paint`, 'ms', 'p95', atMost(50), INP_NOTE),
    ),
    row(
      '3d',
      'long task during those interactions',
      'ms',
      'max',
      atMost(50),
      'PerformanceObserver longtask from the first input of each interaction until it settled; 0 = none',
    ),
    ...KINDS.map(([, label, , id]) =>
      row(id, `${label}: until the change is painted`, 'ms', 'p95', null, SETTLED_NOTE),
    ),
    row(
      '3h',
      'Event Timing entry reported after its interaction was collected',
      'ms',
      'max',
      null,
      'an entry that started before the current interaction’s first input but arrived only after the previous one settled (+300 ms); not counted in 3a–3c, whose samples are by start time; 0 = none',
    ),
  ];
}

/**
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<void>} action
 */
async function interaction(page, action) {
  await page.evaluate(arm);
  await action();
  await page.waitForFunction(settled, 200, { polling: 50, timeout: 10_000 });
  const result = await page.evaluate(collect);
  if (result.inputs === 0) throw new Error('the action reached the page as no input event');
  // Let stragglers (a second re-render, a long task) finish before the next one.
  await delay(300);
  return result;
}

/**
 * @param {import('../lib/setup.mjs').BenchEnv} env
 * @param {import('playwright-core').BrowserContext} appContext seeded, controlled, offline
 * @param {import('../lib/stats.mjs').Row[]} table
 */
export async function measure(env, appContext, table) {
  const add = sampler(table);
  const { page } = await visit(appContext, `${env.base}/`);
  /** @type {Record<string, object[]>} */
  const details = { category: [], language: [], bookmark: [], unread: [] };
  try {
    // Home comes rendered by the service worker; its controls answer once the app has hydrated
    // it (an earlier tap is held and replayed, which would time the start-up, not the control).
    await page.waitForFunction(() => performance.getEntriesByName('folio:hydrated').length > 0);
    const chips = page.locator('#app > main fieldset input[type="checkbox"]');
    const language = page.locator('#app > header select').first();
    const bookmark = page
      .locator('#app > main article.card button[data-action="bookmark"]')
      .first();
    // Comes with the reader's layer, a chunk of its own fetched after the first paint.
    const unreadOnly = page.locator('#app > main button.unread-only');
    await chips.first().waitFor({ state: 'visible' });
    await unreadOnly.waitFor({ state: 'visible' });
    const unreadShown = Number((await unreadOnly.innerText()).replace(/\D/g, ''));
    if (!(unreadShown > 0 && unreadShown < env.count)) {
      throw new Error(
        `"Unread only" counts ${unreadShown} unread of ${env.count}: seeded no reads`,
      );
    }
    await bookmark.waitFor({ state: 'visible' });
    const languages = await language.locator('option').count();
    if (languages < 2) throw new Error('the header offers no second language');
    const chipCount = await chips.count();

    /**
     * @param {'category' | 'language' | 'bookmark' | 'unread'} kind
     * @param {() => Promise<void>} action
     */
    const measureOne = async (kind, action) => {
      const result = await interaction(page, action);
      const [, , inputRow, settledRow] = KINDS.find(([name]) => name === kind) ?? KINDS[0];
      add(inputRow, Math.max(result.nextPaint, result.eventTiming));
      add(settledRow, result.settled);
      add('3d', Math.max(0, ...result.longTasks));
      add('3h', result.late);
      details[kind]?.push(result);
    };

    for (let run = 0; run < env.runs; run++) {
      // A category on, then off again: two switches, each a different list.
      const chip = chips.nth(run % chipCount);
      await measureOne('category', () => chip.click());
      await measureOne('category', () => chips.nth(run % chipCount).click());
      // Unread only, on and off: the list from the unread pages query, then the whole list.
      await measureOne('unread', () => unreadOnly.click());
      await measureOne('unread', () => unreadOnly.click());
      // The select as a keyboard user changes it: focused, arrow down, arrow back up.
      const before = await language.inputValue();
      await language.focus();
      await measureOne('language', () => page.keyboard.press('ArrowDown'));
      if ((await language.inputValue()) === before) {
        throw new Error('ArrowDown on the language select did not change the language');
      }
      await measureOne('language', () => page.keyboard.press('ArrowUp'));
      await measureOne('bookmark', () => bookmark.click());
      await measureOne('bookmark', () => bookmark.click());
      env.log(`  interactions round ${run + 1} of ${env.runs} done`);
    }
  } finally {
    await page.close();
  }
  return details;
}
