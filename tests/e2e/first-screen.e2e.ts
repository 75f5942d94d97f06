import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import path from 'node:path';
import {
  REPO_ROOT,
  openSynced,
  useSession,
  waitForSettled,
  WAIT_MS,
  type Session,
} from './harness';

// Three languages, Persian among them: the copy must keep the direction it was painted in.
const session = useSession({
  contentFrom: path.join(REPO_ROOT, 'tests/fixtures/feeds/trilingual'),
});

/**
 * What the document held once the HTML was parsed, before any script of the app ran (module
 * scripts run after readyState turns 'interactive'): recorded by a script Playwright puts first.
 */
interface AtParse {
  headlines: string[];
  inert: boolean;
  lang: string;
  dir: string;
  theme: string | null;
  background: string;
  /** Stylesheets requested by then: each one holds the first paint back. */
  stylesheets: string[];
}

async function recordParsedDocument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      const saved = document.querySelector<HTMLElement>('[data-first-screen]');
      const record: AtParse = {
        headlines: [...(saved?.querySelectorAll('article.card h2') ?? [])].map(
          (heading) => heading.textContent?.trim() ?? '',
        ),
        inert: saved?.inert ?? false,
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        theme: document.documentElement.dataset.theme ?? null,
        background: getComputedStyle(document.body).backgroundColor,
        stylesheets: performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname.endsWith('.css'))
          .map((entry) => new URL(entry.name).pathname),
      };
      Object.assign(globalThis, { __atParse: record });
    });
  });
}

const atParse = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __atParse?: AtParse }).__atParse ?? null);

/** The headlines of the saved first screen, as the service worker would serve it. */
async function savedHeadlines(page: Page): Promise<string[] | null> {
  return page.evaluate(async () => {
    const cache = await caches.open('folio-first-screen');
    const response = await cache.match(new URL('/', location.href).href);
    if (!response) return null;
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    return [...doc.querySelectorAll('[data-first-screen] article.card h2')].map(
      (heading) => heading.textContent?.trim() ?? '',
    );
  });
}

async function waitForSavedHeadlines(page: Page, expected: string[]): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  let last: string[] | null = null;
  while (Date.now() < deadline) {
    last = await savedHeadlines(page);
    if (last && expected.every((title, at) => last?.[at] === title)) return;
    await page.waitForTimeout(200);
  }
  expect(last, 'the saved first screen').toEqual(expected);
}

/** The headlines of the app's own list (the saved copy's <main> is inside the copy). */
const liveHeadlines = async (page: Page) =>
  (await page.locator('#app > main article.card h2').allTextContents()).map((title) =>
    title.trim(),
  );

/** After the first sync: the list as Home shows it, once the page is quiet. */
async function syncedHeadlines(current: Session): Promise<string[]> {
  await openSynced(current);
  await waitForSettled(current.page);
  const titles = await liveHeadlines(current.page);
  expect(titles.length).toBeGreaterThan(1);
  return titles;
}

async function offlineReload(current: Session): Promise<void> {
  await current.context.setOffline(true);
  await recordParsedDocument(current.page);
  await current.page.reload();
}

describe('the first screen of Home, saved for the next visit', () => {
  it('paints the saved headlines from the HTML offline, then the live list replaces them', async () => {
    const current = session();
    const { page } = current;
    const titles = await syncedHeadlines(current);
    await waitForSavedHeadlines(page, titles);

    await offlineReload(current);
    const parsed = await atParse(page);
    expect(parsed?.headlines).toEqual(titles);
    // Still a page of links until the app's script runs.
    expect(parsed?.inert).toBe(false);
    expect(parsed?.lang).toBe('en');

    await page.waitForFunction(() => !document.querySelector('[data-first-screen]'), null, {
      timeout: WAIT_MS,
    });
    await page.getByRole('heading', { level: 1, name: 'Latest articles' }).waitFor();
    expect(await liveHeadlines(page)).toEqual(titles);
    const duplicateIds = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
      return ids.filter((id, at) => ids.indexOf(id) !== at);
    });
    expect(duplicateIds).toEqual([]);
    await expectNoAxeViolations(page);
  });

  it('is out of reach while the app mounts under it, and the live list answers', async () => {
    const current = session();
    const { page } = current;
    const titles = await syncedHeadlines(current);
    await waitForSavedHeadlines(page, titles);
    // The saved copy as it is when the app's <main> is put in: the app has mounted, and its
    // first screen cannot have been painted yet.
    await page.addInitScript(() => {
      const watch = new MutationObserver(() => {
        if (!document.querySelector('#app > main#main')) return;
        watch.disconnect();
        const copy = document.querySelector<HTMLElement>('[data-first-screen]');
        Object.assign(globalThis, {
          __atMount: copy && {
            inert: copy.inert,
            hidden: copy.getAttribute('aria-hidden'),
            ids: copy.querySelectorAll('[id]').length,
            position: getComputedStyle(copy).position,
          },
        });
      });
      watch.observe(document, { childList: true, subtree: true });
    });
    await offlineReload(current);
    await page.waitForSelector('#app > main article.card h2', { timeout: WAIT_MS });
    const atMount = await page.evaluate(() => (globalThis as { __atMount?: unknown }).__atMount);
    expect(atMount).toEqual({ inert: true, hidden: 'true', ids: 0, position: 'absolute' });
    // Role queries find the live list only, and a click reaches it.
    expect(await page.getByRole('main').count()).toBe(1);
    await page.getByRole('link', { name: titles[0], exact: true }).click();
    await page.getByRole('heading', { level: 1, name: titles[0], exact: true }).waitFor();
  });

  it('holds its styles and the reader’s theme, and is saved again when the theme changes', async () => {
    const current = session();
    const { page } = current;
    const titles = await syncedHeadlines(current);
    await waitForSavedHeadlines(page, titles);
    const settings = page.locator('#app > header').getByRole('link', { name: 'Settings' });
    const home = page.locator('#app > header a.brand');

    // Within one page life: a theme tried and taken back still leaves Home a copy to save.
    await settings.click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => savedHeadlines(page), { timeout: WAIT_MS }).toBeNull();
    await page.getByRole('radio', { name: 'Same as system' }).check();
    await home.click();
    await waitForSavedHeadlines(page, titles);

    await settings.click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    // The copy was painted light: it is forgotten, and Home saves one in the new theme.
    await expect.poll(() => savedHeadlines(page), { timeout: WAIT_MS }).toBeNull();
    await home.click();
    await waitForSavedHeadlines(page, titles);

    await offlineReload(current);
    const parsed = await atParse(page);
    expect(parsed).toMatchObject({ headlines: titles, theme: 'dark', stylesheets: [] });
    // The dark theme's background (--bg in src/app.css), before any script of the app ran.
    expect(parsed?.background).toBe('rgb(18, 20, 23)');
    // The app's own pages after it still have every style, without loading the sheets again.
    await page.getByRole('heading', { level: 1, name: 'Latest articles' }).waitFor();
    await page.getByRole('link', { name: titles[0], exact: true }).click();
    await page.getByRole('heading', { level: 1, name: titles[0], exact: true }).waitFor();
    // The app's scripts came from the caches by the worker's static route, not by a fetch event.
    const scriptSources = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((resource) => /\/assets\/[^/]*\.js$/.test(new URL(resource.name).pathname))
        .map(
          (resource) =>
            (resource as PerformanceResourceTiming & { workerFinalSourceType?: string })
              .workerFinalSourceType,
        ),
    );
    expect(scriptSources.length).toBeGreaterThan(3);
    expect(new Set(scriptSources)).toEqual(new Set(['cache']));
    const entry = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((resource) => new URL(resource.name).pathname)
        .filter((path) => /\/assets\/(index|app)-[^/]*\.css$/.test(path)),
    );
    expect(entry).toEqual([]);
    await expectNoAxeViolations(page);
  });

  it('follows the language Home is read in, right to left included, and is only Home’s', async () => {
    const current = session();
    const { page, server } = current;
    await openSynced(current);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fa');
    await page.getByRole('heading', { level: 1, name: 'تازه‌ترین مطالب' }).waitFor();
    await waitForSettled(page);
    const shown = (await page.locator('#app > main article.card h2').allTextContents()).map(
      (title) => title.trim(),
    );
    await waitForSavedHeadlines(page, shown);

    await offlineReload(current);
    const parsed = await atParse(page);
    expect(parsed).toMatchObject({ lang: 'fa', dir: 'rtl', headlines: shown });

    // A filtered Home and other pages are the bare shell: their first screen is not this one.
    for (const path of ['/?category=opinion', '/bookmarks', '/settings']) {
      await page.goto(`${server.base}${path}`);
      expect((await atParse(page))?.headlines, path).toEqual([]);
    }
  });
});
