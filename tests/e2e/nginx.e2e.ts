// The deploy config on the real server (issue 14): dist/ served by Debian's nginx with the
// dist/nginx-folio.conf the build writes. What works under `npm start` must work here: the reader's
// journey online and offline in headless Chromium, and the caching and security headers.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DIST_DIR,
  WAIT_MS,
  articleLink,
  assertBuilt,
  expectAllListed,
  expectArticleShown,
  launchBrowser,
  sampleArticle,
  waitForSettled,
} from './harness';
import { startNginx, type Nginx } from './nginx';

const FIRST = 'truth-about-us-troop-pullout-from-iraq';
const SECOND = 'natos-ambiguous-mission-in-iraq';
const APP_MARKUP = '<div id="app">';

let nginx: Nginx | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  assertBuilt();
  nginx = await startNginx(DIST_DIR);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.close();
});

function base(): string {
  if (!nginx) throw new Error('nginx did not start');
  return nginx.base;
}

async function openPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  if (!browser) throw new Error('the browser did not start');
  const context = await browser.newContext();
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(String(error.error())));
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  return { context, page, errors };
}

describe('behind nginx with dist/nginx-folio.conf', () => {
  it('lists, opens an article, and reads on offline after the worker took control', async () => {
    const { context, page, errors } = await openPage();
    try {
      await page.goto(`${base()}/`);
      await waitForSettled(page);
      await expectAllListed(page);
      await articleLink(page, sampleArticle(FIRST).title).click();
      await expectArticleShown(page, FIRST);

      await context.setOffline(true);
      await page.reload();
      await expectArticleShown(page, FIRST);
      await page.goto(`${base()}/`);
      await expectAllListed(page);
      // A deep link to an article never opened, offline: the worker answers with the shell.
      await page.goto(`${base()}/article/${SECOND}`);
      await expectArticleShown(page, SECOND);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('answers a deep link on a first visit with the app, which opens the article', async () => {
    const { context, page } = await openPage();
    try {
      await page.goto(`${base()}/article/${FIRST}`);
      await expectArticleShown(page, FIRST);
    } finally {
      await context.close();
    }
  });

  it('sends the caching and security headers the app relies on', async () => {
    const shell = await fetch(`${base()}/`);
    const html = await shell.text();
    expect(shell.status).toBe(200);
    expect(html).toContain(APP_MARKUP);
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    const policy = shell.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(shell.headers.get('x-content-type-options')).toBe('nosniff');

    for (const revalidated of ['/index.html', '/sw.js', '/manifest.webmanifest']) {
      const response = await fetch(`${base()}${revalidated}`);
      expect(response.status, revalidated).toBe(200);
      expect(response.headers.get('cache-control'), revalidated).toBe('no-cache');
    }
    const manifest = await fetch(`${base()}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect((await fetch(`${base()}/sw.js`)).headers.get('content-type')).toMatch(/javascript/);

    // A hashed script: kept a year, never revalidated.
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${base()}${script ?? ''}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    // The feed: an ETag, and a conditional request that costs a 304.
    const feed = await fetch(`${base()}/content/index.json`);
    expect(feed.status).toBe(200);
    const etag = feed.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(feed.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await fetch(`${base()}/content/index.json`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(again.status).toBe(304);

    // A missing feed file is a 404, never the app's HTML (the sync would parse it as a feed).
    const missing = await fetch(`${base()}/content/articles/no-such-article.json`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain(APP_MARKUP);

    // Any other address is the app (the SPA fallback), revalidated like the shell.
    const deep = await fetch(`${base()}/article/${FIRST}/parallel?a=en&b=fa`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain(APP_MARKUP);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
  });
});
