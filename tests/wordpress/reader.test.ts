// The whole publisher path in a real browser (issue 14): a real WordPress + Polylang with the
// bridge plugin, exported by feed:from-wordpress, served by the app built for that site (its
// comments endpoint and CSP), read in headless Chromium online and offline, and a comment
// posted from the app arriving in WordPress, held for moderation.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, startServer, waitForSettled, type FeedServer } from '../e2e/harness';
import { POSTS, seed, type Seeded } from './seed';
import { startWordPress, type WordPress } from './wordpress';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'scripts/from-wordpress.mjs');
const VITE = path.join(ROOT, 'node_modules/vite/bin/vite.js');

let wp: WordPress;
let seeded: Seeded;
let app: FeedServer;
let browser: Browser;
const temporary: string[] = [];

beforeAll(async () => {
  wp = await startWordPress({ anonymousComments: true });
  seeded = await seed(wp);
  const feed = await mkdtemp(path.join(os.tmpdir(), 'folio-wp-feed-'));
  const dist = await mkdtemp(path.join(os.tmpdir(), 'folio-wp-dist-'));
  temporary.push(feed, dist);
  await run(process.execPath, [CLI, '--in', `${wp.base}/wp-json/wp/v2/posts`, '--out', feed]);
  // The app built for this site: its comments endpoint, which its CSP then allows.
  await run(process.execPath, [VITE, 'build', '--outDir', dist, '--emptyOutDir'], {
    cwd: ROOT,
    // A production build: under Vitest, NODE_ENV is "test", which would leave the worker out.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      VITE_COMMENTS_URL: `${wp.base}/wp-json/wp/v2/comments`,
    },
  });
  app = await startServer({ root: dist, contentFrom: feed });
  // The bridge lets this reader's origin call the site.
  await wp.setConstant('FOLIO_APP_ORIGIN', app.base);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await wp?.stop();
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function openReader(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${app.base}/`);
  await waitForSettled(page);
  return { context, page };
}

async function imagesLoaded(page: Page): Promise<boolean[]> {
  return page
    .locator('main img')
    .evaluateAll((images) =>
      images.map(
        (image) =>
          (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
      ),
    );
}

describe('a WordPress site read in Folio', () => {
  test('lists the posts in both languages and reads an article as the site wrote it', async () => {
    const { context, page } = await openReader();
    try {
      const main = page.getByRole('main');
      for (const { en } of Object.values(POSTS)) {
        await main.getByRole('link', { name: en.title, exact: true }).waitFor();
      }
      // The interview: its kind, lead and byline lifted out of the body.
      await main.getByRole('link', { name: POSTS.grid?.en.title ?? '', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: POSTS.grid?.en.title }).waitFor();
      await expect.poll(() => main.textContent()).toMatch(/Interview/i);
      const text = (await main.textContent()) ?? '';
      expect(text).toContain('Dr. Ali Bigdeli');
      expect(text).toContain('Expert on energy affairs');
      // Its approved comments, the held one not among them.
      await page.getByRole('heading', { level: 2, name: '2 comments' }).waitFor();

      // In Persian: the Persian translation and its categories' Persian names.
      await page.goto(`${app.base}/?lang=fa`);
      for (const { fa } of Object.values(POSTS)) {
        await main.getByRole('link', { name: fa.title, exact: true }).waitFor();
      }
      await main.getByRole('group').getByText('انرژی').waitFor();
    } finally {
      await context.close();
    }
  });

  test('shows the featured image and the body image, offline too', async () => {
    const { context, page } = await openReader();
    try {
      const festival = POSTS.festival?.en.title ?? '';
      await page.getByRole('main').getByRole('link', { name: festival, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: festival }).waitFor();
      await expect.poll(() => imagesLoaded(page)).toEqual([true, true]);
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: festival }).waitFor();
      await expect.poll(() => imagesLoaded(page)).toEqual([true, true]);
    } finally {
      await context.close();
    }
  });

  test('sends a comment to WordPress, where it waits for moderation', async () => {
    const { context, page } = await openReader();
    try {
      const grid = POSTS.grid?.en.title ?? '';
      await page.getByRole('main').getByRole('link', { name: grid, exact: true }).click();
      const form = page.getByRole('form', { name: 'Leave a comment' });
      await form.getByRole('textbox', { name: 'Comment' }).fill('Read on the train, offline.');
      await form.getByRole('textbox', { name: 'Name' }).fill('Ana');
      await form.getByRole('textbox', { name: 'Email' }).fill('ana@example.org');
      await form.getByRole('button', { name: 'Post comment' }).click();
      await page.getByText(/Your comment was sent/).waitFor();
      const stored = await wp.php(`
        $found = get_comments(['post_id' => ${seeded.posts.grid.en.id}, 'search' => 'Read on the train', 'status' => 'all']);
        echo json_encode(array_map(fn($c) => ['approved' => $c->comment_approved, 'author' => $c->comment_author], $found));
      `);
      expect(JSON.parse(stored)).toEqual([{ approved: '0', author: 'Ana' }]);
    } finally {
      await context.close();
    }
  });
});
