import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticFeed } from '../../scripts/synthetic-feed.mjs';
import { expectNoAxeViolations } from './axe';
import {
  assertBuilt,
  launchBrowser,
  startServer,
  waitForSettled,
  type FeedServer,
} from './harness';

const COUNT = 10_000;
/** The windowed list never renders more cards than this, whatever is saved. */
const MAX_CARDS = 60;

interface IndexFile {
  articles: {
    id: string;
    categories: string[];
    translations: Record<string, { title: string; url?: string }>;
  }[];
}

let feedDir = '';
let oldestTitle = '';
let browser: Browser | undefined;
let server: FeedServer | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;

/**
 * One page of 10,000 summaries, as the list reads it whatever the pager does. The optional
 * canonical `url`s are dropped to keep the page under the app's 10 MB limit for one JSON file.
 */
async function writeFeed(): Promise<void> {
  feedDir = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-10k-'));
  await writeSyntheticFeed({ count: COUNT, pageSize: COUNT, out: feedDir, bodyParagraphs: 1 });
  const file = path.join(feedDir, 'index.json');
  const index = JSON.parse(await readFile(file, 'utf8')) as IndexFile;
  for (const article of index.articles) {
    for (const translation of Object.values(article.translations)) delete translation.url;
  }
  oldestTitle = index.articles.at(-1)?.translations.en?.title ?? '';
  await writeFile(file, JSON.stringify(index));
}

// The feed is written and synced once: the sync of 10,000 summaries is the slow part, and the
// tests below only read.
beforeAll(async () => {
  assertBuilt();
  await writeFeed();
  browser = await launchBrowser();
  server = await startServer({ contentFrom: feedDir });
  context = await browser.newContext();
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.base}/`);
  await waitForSettled(page, 150_000);
}, 240_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  if (feedDir) await rm(feedDir, { recursive: true, force: true });
});

function current(): Page {
  if (!page) throw new Error('the page did not open');
  return page;
}

const cardCount = (p: Page) => p.locator('#app > main article.card').count();

describe('10,000 saved articles', () => {
  it('scrolls Home to the oldest article without rendering more than a window of cards', async () => {
    const p = current();
    await p.goto(`${server?.base ?? ''}/`);
    await p.locator('#app > main article.card h2 a').nth(19).waitFor();
    expect(await p.locator('#app > main [role="feed"]').getAttribute('aria-busy')).toBe('false');

    const samples: number[] = [];
    const last = p.getByRole('main').getByRole('link', { name: oldestTitle, exact: true });
    for (let step = 0; step < 400 && (await last.count()) === 0; step++) {
      // To the bottom of what is rendered so far: the list reads the next page from IndexedDB.
      const seen = await p.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return document.querySelectorAll('main article.card').length;
      });
      samples.push(seen);
      await p.waitForTimeout(50);
      samples.push(await cardCount(p));
    }
    await last.scrollIntoViewIfNeeded();
    await expect(last.isVisible()).resolves.toBe(true);
    const card = last.locator('xpath=ancestor::article[1]');
    expect(await card.getAttribute('aria-posinset')).toBe(String(COUNT));
    expect(samples.length).toBeGreaterThan(10);
    expect(Math.max(...samples)).toBeLessThanOrEqual(MAX_CARDS);
    expect(Math.min(...samples)).toBeGreaterThan(0);
  });

  it('filters by a category at that size, newest first', async () => {
    const p = current();
    await p.goto(`${server?.base ?? ''}/`);
    const filter = p.getByRole('group', { name: 'Categories' });
    const economy = filter.getByRole('checkbox', { name: /Economy/ });
    // Every declared category shows at once; its count follows once the library is counted.
    const counted = economy.locator('xpath=..').locator('.count');
    await counted.waitFor();
    // "unread/total" while some are unread: the total is the last number.
    const count = Number((await counted.textContent())?.split('/').at(-1)?.replace(/\D+/g, ''));
    expect(count).toBeGreaterThan(100);
    await economy.check();
    await p.getByRole('heading', { level: 1, name: 'Articles in Economy' }).waitFor();
    await p.waitForURL(/\?c=economy$/);
    const feed = p.getByRole('feed', { name: 'Articles in Economy' });
    // The previous list stays up, busy, until the category's first page is read.
    await p.locator('#app > main [role="feed"][aria-busy="false"]').waitFor();
    await feed.locator('article.card').nth(19).waitFor();
    const firstCard = feed.locator('article.card').first();
    await expect.poll(() => firstCard.getAttribute('aria-setsize')).toBe(String(count));
    expect(await cardCount(p)).toBeLessThanOrEqual(MAX_CARDS);
    // Every listed card is in Economy, and the dates run newest first.
    const dates = await feed
      .locator('article.card time')
      .evaluateAll((times) => times.map((time) => Date.parse(time.getAttribute('datetime') ?? '')));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const cats = await feed.locator('article.card .meta').allTextContents();
    expect(cats.every((text) => text.includes('Economy'))).toBe(true);
  });

  it('has no axe violations on Home with the windowed list', async () => {
    const p = current();
    await p.goto(`${server?.base ?? ''}/`);
    await p.locator('#app > main article.card h2 a').nth(19).waitFor();
    await p.evaluate(() => window.scrollTo(0, 30_000));
    await p.waitForTimeout(200);
    await expectNoAxeViolations(p);
  });
});
