// The visual check (issue 13): every page at a small phone's, a phone's, a tablet's and a desktop's
// width, in light, dark and Persian (right to left). On each, what a reader would see go wrong is
// measured in the page (a page wider than the screen, an element past its edge, a header of two
// rows, a chip out of reach), axe-core runs, and the view is compared with its reviewed baseline
// in tests/e2e/screens/ (UPDATE_SCREENS=1 rewrites them; see screens.ts).
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { openSynced, useSession, waitForStatus, type Session } from './harness';
import { highlightPhrase } from './highlighting';
import { MAX_CHANGED_SHARE, compareScreen, overflowingElements } from './screens';

const ARTICLE = 'truth-about-us-troop-pullout-from-iraq';

/** A small phone (iPhone SE), a phone (iPhone 15), a tablet upright, a laptop. */
const VIEWPORTS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
] as const;
const PHONE_WIDTH = 480;
/** The phone header's budget: one row of 44 px targets and its padding. */
const HEADER_BUDGET_PX = 64;
const TAP_PX = 44;

interface Mode {
  name: 'light' | 'dark' | 'persian';
  colorScheme: 'light' | 'dark';
  /** The language chosen in the menu; English (the feed's default) when absent. */
  language?: string;
  /** The two languages of the side-by-side page. */
  pair: [string, string];
  query: string;
}

const MODES: Mode[] = [
  { name: 'light', colorScheme: 'light', pair: ['en', 'es'], query: 'iraq' },
  { name: 'dark', colorScheme: 'dark', pair: ['en', 'fa'], query: 'iraq' },
  { name: 'persian', colorScheme: 'light', language: 'fa', pair: ['fa', 'en'], query: 'عراق' },
];

interface View {
  name: string;
  path: (mode: Mode) => string;
  /** Parts that change from run to run, masked in the screenshot. */
  masks?: (page: Page) => Locator[];
}

const VIEWS: View[] = [
  { name: 'home', path: () => '/' },
  { name: 'article', path: () => `/article/${ARTICLE}` },
  {
    name: 'side-by-side',
    path: ({ pair: [a, b] }) => `/article/${ARTICLE}/parallel?a=${a}&b=${b}`,
  },
  // The day each bookmark was made.
  { name: 'bookmarks', path: () => '/bookmarks', masks: (page) => [page.locator('.bookmarked')] },
  // What this profile happens to store.
  { name: 'settings', path: () => '/settings', masks: (page) => [page.locator('.usage')] },
  { name: 'search', path: ({ query }) => `/search?q=${encodeURIComponent(query)}` },
  // The day the highlight was made.
  {
    name: 'highlights',
    path: () => '/highlights',
    masks: (page) => [page.locator('main .meta time')],
  },
  { name: 'not-found', path: () => '/no-such-page' },
];

const session = useSession();

/** Highlights a passage of the article's first paragraph, in English, with a note. */
async function highlightPassage(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/article/${ARTICLE}`);
  await page.locator('div.body p').first().waitFor();
  await highlightPhrase(
    page,
    'members of the Iraqi parliament',
    'Two days after the assassination.',
  );
  await page.goto(`${base}/`);
  await page.getByRole('main').getByRole('article').first().waitFor();
}

/**
 * The reader's set-up: synced, the "ready offline" note dismissed, two articles bookmarked, a
 * passage highlighted.
 */
async function prepare({ page, server }: Session, mode: Mode): Promise<void> {
  await page.emulateMedia({ colorScheme: mode.colorScheme, reducedMotion: 'reduce' });
  await openSynced(session());
  const ready = page.getByRole('status').getByRole('button', { name: 'Dismiss' });
  if (await ready.isVisible()) await ready.click();
  const cards = page.getByRole('main').getByRole('article');
  for (const index of [0, 2]) {
    const card = cards.nth(index);
    await card.getByRole('button', { name: 'Bookmark' }).click();
    await card.locator('[aria-pressed="true"]').waitFor();
  }
  await highlightPassage(page, server.base);
  if (mode.language) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('combobox').selectOption(mode.language);
    await page.locator(`html[lang="${mode.language}"]`).waitFor({ state: 'attached' });
  }
}

async function openView(page: Page, base: string, view: View, mode: Mode): Promise<void> {
  await page.goto(`${base}${view.path(mode)}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await waitForStatus(page, 'fresh');
  if (mode.language) {
    expect(await page.locator('html').getAttribute('lang')).toBe(mode.language);
  }
  // The text's own face, not a fallback that a late font would replace.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function checkLayout(page: Page, where: string, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${where}: the page is wider than the screen`).toBeLessThanOrEqual(width);
  expect(await overflowingElements(page), `${where}: elements past the screen's edge`).toEqual([]);
  if (width > PHONE_WIDTH) return;
  const header = await page.locator('header.site-header').boundingBox();
  expect(header, `${where}: no header`).not.toBeNull();
  expect(header?.height, `${where}: the header's height`).toBeLessThanOrEqual(HEADER_BUDGET_PX);
  // One row: every control the header shows starts on its first line.
  const tops = await page.locator('header.site-header').evaluate((element) =>
    [...element.querySelectorAll('a, button')]
      .map((control) => control.getBoundingClientRect())
      .filter((box) => box.width > 1 && box.height > 1)
      .map((box) => Math.round(box.top)),
  );
  expect(tops.length, `${where}: header controls`).toBeGreaterThan(1);
  expect(Math.max(...tops) - Math.min(...tops), `${where}: the header wraps`).toBeLessThan(12);
}

/** Each category chip can be reached and tapped, and is a comfortable target. */
async function checkChips(page: Page, where: string): Promise<void> {
  const chips = page.locator('label.chip');
  const count = await chips.count();
  expect(count, `${where}: category chips`).toBeGreaterThan(3);
  for (let index = 0; index < count; index++) {
    const chip = chips.nth(index);
    await chip.click({ trial: true, timeout: 2_000 });
    const box = await chip.boundingBox();
    expect(box?.height, `${where}: chip ${index + 1}'s height`).toBeGreaterThanOrEqual(TAP_PX);
  }
  // Trial taps scroll the row and hover the last chip: back to the row's start, the pointer
  // on the status line, for the screenshot.
  await page.locator('fieldset.filter .options').evaluate((row) => row.scrollTo({ left: 0 }));
  await page.mouse.move(1, 70);
}

/** The shortcut help dialog fits the smallest phone. */
async function checkHelpDialog(page: Page, where: string): Promise<void> {
  await page.locator('body').press('?');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const box = await dialog.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport, `${where}: help dialog`).toBeTruthy();
  if (!box || !viewport) return;
  expect(box.x, `${where}: help dialog's left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${where}: help dialog's top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${where}: help dialog's right edge`).toBeLessThanOrEqual(
    viewport.width,
  );
  expect(box.y + box.height, `${where}: help dialog's bottom`).toBeLessThanOrEqual(viewport.height);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

describe('every page at phone, tablet and desktop widths', () => {
  for (const mode of MODES) {
    it(`lays out in ${mode.name}, matching its reviewed screenshots`, async () => {
      const { page, server } = session();
      await prepare(session(), mode);
      const differing: string[] = [];
      for (const view of VIEWS) {
        await page.setViewportSize(VIEWPORTS[1]);
        await openView(page, server.base, view, mode);
        await expectNoAxeViolations(page);
        if (view.name === 'home') {
          // The phone's menu, open: Bookmarks, Settings, the language.
          await page.locator('button.menu-toggle').click();
          await page.locator('#site-menu').getByRole('link').first().waitFor();
          await expectNoAxeViolations(page);
          await page.keyboard.press('Escape');
          await page.locator('#site-menu').getByRole('link').first().waitFor({ state: 'hidden' });
          // Focus went back to the menu button; the shots show the page as it opens.
          await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        }
        for (const viewport of VIEWPORTS) {
          const where = `${view.name}, ${mode.name}, ${viewport.width} px`;
          await page.setViewportSize(viewport);
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
          await checkLayout(page, where, viewport.width);
          if (view.name === 'home') {
            await checkChips(page, where);
            if (viewport.width === 320) await checkHelpDialog(page, where);
          }
          await page.evaluate(() => window.scrollTo(0, 0));
          const name = `${view.name}-${mode.name}-${viewport.width}`;
          const result = await compareScreen(page, name, view.masks?.(page));
          if (result.share > MAX_CHANGED_SHARE) {
            differing.push(`${name}: ${(result.share * 100).toFixed(2)} % of pixels changed`);
          }
        }
      }
      expect(
        differing,
        'screens that differ from tests/e2e/screens/ (see test-results/screens/*.diff.png)',
      ).toEqual([]);
    }, 240_000);
  }
});
