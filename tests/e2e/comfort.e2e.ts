import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  articleLink,
  collapse,
  chooseTheme,
  expectAllListed,
  expectArticleShown,
  openSynced,
  sampleArticle,
  sampleArticles,
  useSession,
  waitForStatus,
} from './harness';
import { expectNoAxeViolations } from './axe';

const session = useSession();

const DARK_BG = 'rgb(18, 20, 23)';
const LIGHT_BG = 'rgb(251, 250, 247)';
// The header's colour in each theme, which the browser's own bar takes (theme-color).
const LIGHT_BAR = '#1f3a5f';
const DARK_BAR = '#1a1d21';
const LONG_ARTICLE = 'truth-about-us-troop-pullout-from-iraq';

const pageBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** The theme-color metas' contents, in the light scheme's then the dark scheme's order. */
const barColours = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].map(
      (meta) => `${meta.media} ${meta.content}`,
    ),
  );

/**
 * Reloads with every script request held back, and reports what the page paints before the
 * app's bundle runs: the background of <body>, and whether the app has mounted.
 */
async function paintWithoutBundle(page: Page): Promise<{ bg: string; mounted: boolean }> {
  const held: Route[] = [];
  let holding = true;
  const hold = (route: Route) => {
    if (holding) held.push(route);
    else void route.continue();
  };
  await page.route('**/*.js', hold);
  await page.reload({ waitUntil: 'commit' });
  // The stylesheet has loaded and the body exists; the module script is still held back.
  await page.waitForFunction(
    () =>
      document.body !== null &&
      [...document.styleSheets].some((sheet) => sheet.href?.includes('/assets/')),
    null,
    { polling: 20 },
  );
  const seen = {
    bg: await pageBackground(page),
    mounted: await page.evaluate(
      () => (document.getElementById('app')?.childElementCount ?? 0) > 0,
    ),
  };
  holding = false;
  for (const route of held) await route.continue();
  await page.unroute('**/*.js', hold);
  return seen;
}

describe('reading comfort', () => {
  it('paints the stored theme before the app’s script runs, whatever the system says', async () => {
    const { context, server } = session();
    const browser = context.browser();
    if (!browser) throw new Error('no browser');
    // No service worker: it would answer the script requests that page.route must hold back.
    const own = await browser.newContext({ serviceWorkers: 'block', colorScheme: 'light' });
    try {
      const page = await own.newPage();
      await chooseTheme(page, server.base, 'Dark');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

      const dark = await paintWithoutBundle(page);
      expect(dark).toEqual({ bg: DARK_BG, mounted: false });
      // The app then starts and keeps the theme.
      await page.getByRole('radio', { name: 'Dark', exact: true }).waitFor();
      expect(await page.getByRole('radio', { name: 'Dark', exact: true }).isChecked()).toBe(true);
      expect(await pageBackground(page)).toBe(DARK_BG);
      // The browser's bar is the dark header's colour whatever the system's scheme.
      expect(await barColours(page)).toEqual([
        `(prefers-color-scheme: light) ${DARK_BAR}`,
        `(prefers-color-scheme: dark) ${DARK_BAR}`,
      ]);

      // A chosen Light theme wins over a dark system scheme; "Same as system" follows it.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.getByRole('radio', { name: 'Light', exact: true }).check();
      expect(await barColours(page)).toEqual([
        `(prefers-color-scheme: light) ${LIGHT_BAR}`,
        `(prefers-color-scheme: dark) ${LIGHT_BAR}`,
      ]);
      expect(await paintWithoutBundle(page)).toEqual({ bg: LIGHT_BG, mounted: false });
      await page.getByRole('radio', { name: 'Same as system', exact: true }).check();
      expect(await barColours(page)).toEqual([
        `(prefers-color-scheme: light) ${LIGHT_BAR}`,
        `(prefers-color-scheme: dark) ${DARK_BAR}`,
      ]);
      expect(await paintWithoutBundle(page)).toEqual({ bg: DARK_BG, mounted: false });
      await page.emulateMedia({ colorScheme: 'light' });
      expect(await pageBackground(page)).toBe(LIGHT_BG);
    } finally {
      await own.close();
    }
  });

  it('applies the chosen text size to the whole app, also after a reload', async () => {
    const { page, server } = session();
    await openSynced(session());
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe('16px');

    await page.goto(`${server.base}/settings`);
    await page.getByRole('radio', { name: 'Larger', exact: true }).check();
    expect(await rootSize()).toBe('20px');

    await page.goto(`${server.base}/article/${LONG_ARTICLE}`);
    await expectArticleShown(page, LONG_ARTICLE);
    expect(await rootSize()).toBe('20px');
    // The body is 1.1875rem from a tablet's width (this window is 1280 px wide).
    expect(await page.locator('div.body').evaluate((el) => getComputedStyle(el).fontSize)).toBe(
      '23.75px',
    );
    await page.reload();
    await expectArticleShown(page, LONG_ARTICLE);
    expect(await rootSize()).toBe('20px');
  });

  it('restores the reading position after going elsewhere and back; new articles start at the top', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 390, height: 640 });
    await openSynced(session());
    const { title } = sampleArticle(LONG_ARTICLE);
    const scrollY = () => page.evaluate(() => Math.round(window.scrollY));

    await articleLink(page, title).click();
    await expectArticleShown(page, LONG_ARTICLE);
    expect(await scrollY()).toBe(0);
    const target = await page.evaluate(() => {
      const range = document.documentElement.scrollHeight - window.innerHeight;
      window.scrollTo(0, Math.round(range * 0.6));
      return Math.round(window.scrollY);
    });
    expect(target).toBeGreaterThan(600);
    // The bar shows the progress through the article.
    await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLElement>('.reading-progress > div');
      return (
        bar !== null && Math.abs(bar.getBoundingClientRect().width / window.innerWidth - 0.6) < 0.05
      );
    });

    // Away through the app's own link, scrolled down the list, into another article: top.
    await page.getByRole('link', { name: 'Strategic Council Online' }).first().click();
    await expectAllListed(page);
    await page.evaluate(() => window.scrollTo(0, 400));
    const other = sampleArticles().find((article) => article.id !== LONG_ARTICLE);
    if (!other) throw new Error('the sample feed has one article');
    await articleLink(page, other.title).click();
    await expectArticleShown(page, other.id);
    expect(await scrollY()).toBe(0);

    // Back to the long article, by the browser's Back twice: the position is restored.
    await page.goBack();
    await expectAllListed(page);
    await page.goBack();
    await expectArticleShown(page, LONG_ARTICLE);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, target);

    // And by opening it from the list again.
    await page.goBack();
    await expectAllListed(page);
    await articleLink(page, title).click();
    await expectArticleShown(page, LONG_ARTICLE);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, target);
    expect(session().errors).toEqual([]);
  });

  it('moves with j/k, opens with o, shows help with ?, and ignores keys typed in a field', async () => {
    const { page } = session();
    await openSynced(session());
    await expectAllListed(page);
    const [first, second] = sampleArticles();
    if (!first || !second) throw new Error('the sample feed has fewer than two articles');
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim());

    await page.keyboard.press('j');
    expect(await focusedText()).toBe(first.title);
    await page.keyboard.press('j');
    expect(await focusedText()).toBe(second.title);
    await page.keyboard.press('k');
    expect(await focusedText()).toBe(first.title);

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor({ state: 'visible' });
    expect(collapse((await dialog.textContent()) ?? '')).toContain('j Next article in the list');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedText()).toBe(first.title);

    // Typing in a field is text, not commands (the app has no text field of its own yet).
    await page.evaluate(() => {
      const field = document.createElement('input');
      field.setAttribute('aria-label', 'Notes');
      document.querySelector('main')?.prepend(field);
    });
    const field = page.getByRole('textbox', { name: 'Notes' });
    await field.click();
    await page.keyboard.type('jko?');
    expect(await field.inputValue()).toBe('jko?');
    expect(await dialog.isVisible()).toBe(false);
    expect(new URL(page.url()).pathname).toBe('/');

    await field.blur();
    await page.keyboard.press('j');
    await page.keyboard.press('o');
    await expectArticleShown(page, first.id);
    expect(session().errors).toEqual([]);
  });

  it('copies the link where there is no share sheet, and says so', async () => {
    const { page, context, server } = session();
    await context.addInitScript(() => {
      Reflect.deleteProperty(Navigator.prototype, 'share');
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.base,
    });
    await openSynced(session());
    await page.goto(`${server.base}/article/${LONG_ARTICLE}`);
    await expectArticleShown(page, LONG_ARTICLE);
    expect(await page.evaluate(() => 'share' in navigator)).toBe(false);

    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${server.base}/article/${LONG_ARTICLE}`,
    );
  });

  it('has no axe violations on Settings (both themes), and on Home and an article in dark', async () => {
    const { page, server } = session();
    await openSynced(session());
    await page.goto(`${server.base}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await waitForStatus(page, 'fresh');
    await expectNoAxeViolations(page);

    await chooseTheme(page, server.base, 'Dark');
    await waitForStatus(page, 'fresh');
    expect(await pageBackground(page)).toBe(DARK_BG);
    await expectNoAxeViolations(page);

    await page.goto(`${server.base}/`);
    await expectAllListed(page);
    await waitForStatus(page, 'fresh');
    expect(await pageBackground(page)).toBe(DARK_BG);
    await expectNoAxeViolations(page);

    await page.goto(`${server.base}/article/${LONG_ARTICLE}`);
    await expectArticleShown(page, LONG_ARTICLE);
    await waitForStatus(page, 'fresh');
    await expectNoAxeViolations(page);

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectNoAxeViolations(page);
  });
});
