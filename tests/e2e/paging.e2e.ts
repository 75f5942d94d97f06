import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import {
  REPO_ROOT,
  assertBuilt,
  launchBrowser,
  startServer,
  waitForQuiet,
  waitForSettled,
  type FeedServer,
} from './harness';

/** One request under /content/ as the server answered it. */
interface Seen {
  url: string;
  status: number;
  ifNoneMatch: string | undefined;
}

/**
 * A proxy in front of the test server that records every /content/ request with its answer's
 * status, and can slow older pages down so the crawl's progress stays on screen long enough.
 */
async function startRecordingProxy(target: FeedServer) {
  const state = { seen: [] as Seen[], olderDelayMs: 0 };
  const proxy = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const delay = /^\/content\/index-\d+\.json/.test(url) ? state.olderDelayMs : 0;
    setTimeout(() => {
      const upstream = http.request(
        `${target.base}${url}`,
        { method: request.method, headers: request.headers },
        (answer) => {
          if (url.startsWith('/content/')) {
            const tag = request.headers['if-none-match'];
            state.seen.push({ url, status: answer.statusCode ?? 0, ifNoneMatch: tag });
          }
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
    }, delay);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      }),
  };
}

interface FeedPage {
  articles: { id: string; translations: { en: { title: string } } }[];
}

let feedDir = '';
/** The synthetic feed's titles, page by page. */
let titles: string[][] = [];
let ids: string[][] = [];
let browser: Browser | undefined;
let server: FeedServer | undefined;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>> | undefined;
let context: BrowserContext | undefined;
let page: Page;

beforeAll(async () => {
  assertBuilt();
  feedDir = await mkdtemp(path.join(os.tmpdir(), 'folio-paged-feed-'));
  execFileSync(process.execPath, [
    path.join(REPO_ROOT, 'scripts/synthetic-feed.mjs'),
    '--count',
    '30',
    '--page-size',
    '10',
    '--out',
    feedDir,
  ]);
  const files = ['index.json', 'index-2.json', 'index-3.json'];
  const pages = files.map(
    (file) => JSON.parse(readFileSync(path.join(feedDir, file), 'utf8')) as FeedPage,
  );
  titles = pages.map((p) => p.articles.map((article) => article.translations.en.title));
  ids = pages.map((p) => p.articles.map((article) => article.id));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await rm(feedDir, { recursive: true, force: true });
});

beforeEach(async () => {
  if (!browser) throw new Error('the browser did not start');
  server = await startServer({ contentFrom: feedDir });
  proxy = await startRecordingProxy(server);
  context = await browser.newContext();
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterEach(async () => {
  await context?.close().catch(() => undefined);
  await proxy?.close();
  await server?.close();
});

/** Summary ids stored in IndexedDB. */
function storedIds(): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('folio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('summaries')
            .objectStore('summaries')
            .getAllKeys();
          request.onsuccess = () => {
            resolve((request.result as string[]).sort());
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

const sorted = (...lists: string[][]) => lists.flat().sort();
const loadOlder = () => page.getByRole('button', { name: 'Load older articles' });
const setSize = (size: number) =>
  page.locator(`#app > main article[aria-setsize="${size}"]`).first();

/**
 * Presses "Load older articles" unless Home, at the end of the list, starts the same load by
 * itself as the button is scrolled into view (the button then turns into its progress, and a
 * click would miss it); either way, waits for `done`.
 */
async function pressLoadOlder(done: Locator): Promise<void> {
  await loadOlder().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  if (
    (await done.count()) === 0 &&
    (await loadOlder()
      .isEnabled()
      .catch(() => false))
  ) {
    await loadOlder()
      .click({ timeout: 5_000 })
      .catch(() => undefined); // a load Home started took its place: `done` below tells
  }
  await done.waitFor({ state: 'attached' });
}

describe('paged feeds', () => {
  it('loads older pages on demand, keeps them over a reload and reads them offline', async () => {
    await page.goto(`${proxy!.base}/`);
    await waitForSettled(page);
    const first = titles[0]!;
    await page.getByRole('main').getByRole('link', { name: first[0], exact: true }).waitFor();
    expect(await storedIds()).toEqual(sorted(ids[0]!));
    expect(proxy!.state.seen.map((seen) => seen.url)).not.toContain('/content/index-2.json');
    await setSize(10).waitFor({ state: 'attached' });
    await expectNoAxeViolations(page);

    // Reaching the button scrolls to the end of the list, where Home may load the next page by
    // itself (the read marks' row put the button below the fold); else the click does.
    const grown = setSize(20).or(setSize(30));
    await loadOlder().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    if (
      (await grown.count()) === 0 &&
      (await loadOlder()
        .isEnabled()
        .catch(() => false))
    ) {
      await loadOlder()
        .click({ timeout: 5_000 })
        .catch(() => undefined); // an automatic load took its place: `grown` below tells
    }
    await grown.waitFor({ state: 'attached' });
    const afterClick = await storedIds();
    expect(afterClick).toEqual(expect.arrayContaining(ids[1]!));
    // Home loads the next page by itself while the reader stays at the end of the list, as the
    // click left them; else a second click does.
    const end = page.getByText('You have reached the oldest article.');
    await end.or(loadOlder()).waitFor();
    if (afterClick.length < 30 && (await loadOlder().count()) > 0) await pressLoadOlder(end);
    await setSize(30).waitFor({ state: 'attached' });
    const older = proxy!.state.seen.map((seen) => seen.url).filter((url) => url.includes('index-'));
    expect(older).toEqual(['/content/index-2.json', '/content/index-3.json']);
    expect(await loadOlder().count()).toBe(0);
    expect(await storedIds()).toEqual(sorted(...ids));
    await expectNoAxeViolations(page);

    await page.reload();
    await setSize(30).waitFor({ state: 'attached' });
    await page.getByText('You have reached the oldest article.').waitFor();

    await context!.setOffline(true);
    const oldest = ids[2]!.at(-1)!;
    await page.goto(`${proxy!.base}/article/${oldest}`);
    await page.getByRole('heading', { level: 1, name: titles[2]!.at(-1), exact: true }).waitFor();
    await page.locator('div.body').waitFor({ state: 'visible' });
  });

  it('crawls older pages in the background with visible progress', async () => {
    await page.goto(`${proxy!.base}/`);
    await waitForSettled(page);
    proxy!.state.olderDelayMs = 1500;
    await page.goto(`${proxy!.base}/settings`);
    await page.getByRole('switch', { name: 'Save older pages in the background' }).check();
    await page.getByText(/^Saving older articles: page [12]/).waitFor();
    await page.getByText('Every page is saved: 30 articles listed.').waitFor({ timeout: 30_000 });
    expect(await storedIds()).toEqual(sorted(...ids));
    await expectNoAxeViolations(page);
  });

  it('asks an unchanged feed once, conditionally, and gets a 304', async () => {
    await page.goto(`${proxy!.base}/`);
    await waitForSettled(page);
    await waitForQuiet(page);
    proxy!.state.seen.length = 0;
    await page.reload();
    await waitForSettled(page);
    await waitForQuiet(page);
    const seen = proxy!.state.seen;
    expect(seen.map(({ url, status }) => [url, status])).toEqual([['/content/index.json', 304]]);
    expect(seen[0]!.ifNoneMatch).toMatch(/^".+"$/);
  });
});
