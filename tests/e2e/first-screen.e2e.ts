import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import {
  REPO_ROOT,
  chooseTheme,
  openSynced,
  useSession,
  waitForSettled,
  WAIT_MS,
  type Session,
} from './harness';

// Home's first screen is rendered by the service worker from IndexedDB at each navigation and
// hydrated by the page (src/lib/boot/README.md). Three languages, Persian among them.
const session = useSession({
  contentFrom: path.join(REPO_ROOT, 'tests/fixtures/feeds/trilingual'),
});

/**
 * What the document held once the HTML was parsed, before any script of the app ran (module
 * scripts run after readyState turns 'interactive'): recorded by a script Playwright puts first.
 * It also keeps the first card's element and where it was, and counts every card or header
 * taken out of the document from then on: a page that drew its list again would remove them.
 */
interface AtParse {
  headlines: string[];
  mains: number;
  headers: number;
  rendered: boolean;
  lang: string;
  dir: string;
  theme: string | null;
  textSize: string | null;
  background: string;
  /** Stylesheets requested by then: each one holds the first paint back. */
  stylesheets: string[];
  firstCardTop: number | null;
}

async function recordParsedDocument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const removed: string[] = [];
    Object.assign(globalThis, { __removed: removed });
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      const cards = [...document.querySelectorAll<HTMLElement>('#app main article.card')];
      const record: AtParse = {
        headlines: cards.map((card) => card.querySelector('h2')?.textContent?.trim() ?? ''),
        mains: document.querySelectorAll('main').length,
        headers: document.querySelectorAll('header.site-header').length,
        rendered: document.getElementById('folio-first-screen') !== null,
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        theme: document.documentElement.dataset.theme ?? null,
        textSize: document.documentElement.dataset.textSize ?? null,
        background: getComputedStyle(document.body).backgroundColor,
        stylesheets: performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname.endsWith('.css'))
          .map((entry) => new URL(entry.name).pathname),
        firstCardTop: cards[0]?.getBoundingClientRect().top ?? null,
      };
      Object.assign(globalThis, { __atParse: record, __firstCard: cards[0] ?? null });
      new MutationObserver((records) => {
        for (const change of records) {
          for (const node of change.removedNodes) {
            if (!(node instanceof Element)) continue;
            if (node.matches('article.card, header.site-header, main')) removed.push(node.tagName);
            for (const inner of node.querySelectorAll('article.card, header.site-header, main')) {
              removed.push(inner.tagName);
            }
          }
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
  });
}

const atParse = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __atParse?: AtParse }).__atParse ?? null);

/** Whether the app took the parsed markup over: the same first card, none of it removed. */
const takeover = (page: Page) =>
  page.evaluate(() => {
    const state = globalThis as unknown as { __firstCard?: Element | null; __removed?: string[] };
    const first = document.querySelector('#app main article.card');
    return {
      sameFirstCard: state.__firstCard !== undefined && state.__firstCard === first,
      firstCardTop: first?.getBoundingClientRect().top ?? null,
      removed: state.__removed ?? [],
    };
  });

const liveHeadlines = async (page: Page) =>
  (await page.locator('#app main article.card h2').allTextContents()).map((title) => title.trim());

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

/** The app has started: its list is live (the mark Home sets once its headlines are in). */
async function started(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('folio:headlines').length > 0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

/** Chromium's CPU slowed `rate` times (the DevTools protocol), as on a low-end phone. */
async function throttle(current: Session, rate: number): Promise<void> {
  const cdp = await current.context.newCDPSession(current.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** Takes the newest article out of the served feed, as a publisher withdrawing it would. */
async function withdrawNewest(current: Session): Promise<void> {
  const file = path.join(current.server.contentDir, 'index.json');
  const index = JSON.parse(await readFile(file, 'utf8')) as {
    articles: { id: string }[];
    updated: string;
  };
  const [newest, ...rest] = index.articles;
  await current.server.writeContent(
    'index.json',
    JSON.stringify({
      ...index,
      updated: new Date().toISOString(),
      articles: rest,
      removed: [newest?.id],
    }),
  );
}

describe('the first screen of Home, rendered by the service worker', () => {
  it('is the newest saved articles at each visit, after a sync in the worker too', async () => {
    const current = session();
    const { page } = current;
    const titles = await syncedHeadlines(current);

    await offlineReload(current);
    const parsed = await atParse(page);
    expect(parsed).toMatchObject({ rendered: true, lang: 'en', dir: 'ltr' });
    expect(parsed?.headlines).toEqual(titles);

    // The worker syncs on its own (as Background Sync would): the next visit shows the result.
    await current.context.setOffline(false);
    await withdrawNewest(current);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      registration.active?.postMessage({ type: 'sync' });
    });
    await expect.poll(() => liveHeadlines(page), { timeout: WAIT_MS }).toEqual(titles.slice(1));
    await offlineReload(current);
    expect((await atParse(page))?.headlines).toEqual(titles.slice(1));
  });

  it('is one copy of the page, which the app takes over without drawing it again', async () => {
    const current = session();
    const { page } = current;
    const titles = await syncedHeadlines(current);
    await offlineReload(current);
    expect(await atParse(page)).toMatchObject({ rendered: true, mains: 1, headers: 1 });
    await started(page);

    expect(await takeover(page)).toMatchObject({ sameFirstCard: true, removed: [] });
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await liveHeadlines(page)).toEqual(titles);
    const duplicateIds = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
      return ids.filter((id, at) => ids.indexOf(id) !== at);
    });
    expect(duplicateIds).toEqual([]);
    await expectNoAxeViolations(page);
  });

  it('stays where it was painted until it is interactive, on a CPU slowed 6 times', async () => {
    const current = session();
    const { page } = current;
    await syncedHeadlines(current);
    await throttle(current, 6);
    await offlineReload(current);
    const parsed = await atParse(page);
    expect(parsed?.rendered).toBe(true);
    await started(page);
    const after = await takeover(page);
    expect(after).toMatchObject({ sameFirstCard: true, removed: [] });
    expect(after.firstCardTop).toBe(parsed?.firstCardTop);
  });

  it('answers a tap made before the app has started, on a CPU slowed 6 times', async () => {
    const current = session();
    const { page } = current;
    const titles = await syncedHeadlines(current);
    await throttle(current, 6);
    // A tap on the first card's Bookmark button as soon as the page's first script has run,
    // long before the app's code is in.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const button = document.querySelector<HTMLElement>(
          '#app main article.card button[aria-pressed]',
        );
        Object.assign(globalThis, {
          __tapped: button?.getAttribute('aria-pressed') ?? null,
          __startedAtTap: performance.getEntriesByName('folio:headlines').length > 0,
        });
        button?.click();
      });
    });
    await offlineReload(current);
    await started(page);
    const tap = await page.evaluate(() => ({
      pressedBefore: (globalThis as { __tapped?: string | null }).__tapped,
      startedAtTap: (globalThis as { __startedAtTap?: boolean }).__startedAtTap,
    }));
    expect(tap).toEqual({ pressedBefore: 'false', startedAtTap: false });
    const first = page.getByRole('main').getByRole('article', { name: titles[0], exact: true });
    await expect
      .poll(() => first.getByRole('button', { name: 'Remove bookmark' }).count(), {
        timeout: WAIT_MS,
      })
      .toBe(1);
    await page.getByRole('link', { name: 'Bookmarks' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Bookmarks' }).waitFor();
    await page.getByRole('link', { name: titles[0], exact: true }).waitFor();
  });

  it('opens an article from a link tapped before the app has started', async () => {
    const current = session();
    const { page } = current;
    const titles = await syncedHeadlines(current);
    await throttle(current, 6);
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        document.querySelector<HTMLElement>('#app main article.card h2 a')?.click();
      });
    });
    await offlineReload(current);
    await page.getByRole('heading', { level: 1, name: titles[0], exact: true }).waitFor();
  });

  it('has the reader’s theme, text size and styles before any script runs', async () => {
    const current = session();
    const { page, server } = current;
    const titles = await syncedHeadlines(current);
    await chooseTheme(page, server.base, 'Dark');
    await page.getByRole('radio', { name: 'Large', exact: true }).check();
    await page.goto(`${server.base}/`);
    await waitForSettled(page);

    await offlineReload(current);
    const parsed = await atParse(page);
    expect(parsed).toMatchObject({
      rendered: true,
      headlines: titles,
      theme: 'dark',
      textSize: 'large',
      stylesheets: [],
    });
    // The dark theme's background (--bg in src/app.css), before any script of the app ran.
    expect(parsed?.background).toBe('rgb(18, 20, 23)');
    await started(page);
    expect(await takeover(page)).toMatchObject({ sameFirstCard: true, removed: [] });
    // The app's own pages after it still have every style, without loading the sheets again.
    await page.getByRole('link', { name: titles[0], exact: true }).click();
    await page.getByRole('heading', { level: 1, name: titles[0], exact: true }).waitFor();
    const sheets = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((resource) => new URL(resource.name).pathname)
        .filter((pathname) => /\/assets\/(index|app)-[^/]*\.css$/.test(pathname)),
    );
    expect(sheets).toEqual([]);
    await expectNoAxeViolations(page);
  });

  it('is in the reader’s language, right to left included, and is only Home’s', async () => {
    const current = session();
    const { page, server } = current;
    await openSynced(current);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fa');
    await page.getByRole('heading', { level: 1, name: 'تازه‌ترین مطالب' }).waitFor();
    await waitForSettled(page);
    const shown = await liveHeadlines(page);

    await offlineReload(current);
    const parsed = await atParse(page);
    expect(parsed).toMatchObject({ rendered: true, lang: 'fa', dir: 'rtl', headlines: shown });
    await started(page);
    expect(await takeover(page)).toMatchObject({ sameFirstCard: true, removed: [] });

    // A filtered Home and other pages are the bare shell: their first screen is not this one.
    for (const address of ['/?c=opinion', '/bookmarks', '/settings']) {
      await page.goto(`${server.base}${address}`);
      expect(await atParse(page), address).toMatchObject({ rendered: false, headlines: [] });
    }
  });
});
