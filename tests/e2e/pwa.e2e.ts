import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import {
  openSynced,
  sampleArticle,
  startAppCopyServer,
  useSession,
  waitForSettled,
  type AppCopyServer,
} from './harness';

const session = useSession();

const ARTICLE = sampleArticle('germanys-new-defense-policy-guidelines');
const BUILD_MARKER = '<meta name="folio-build" content="2" />';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

interface Manifest {
  name: string;
  short_name: string;
  description: string;
  theme_color: string;
  background_color: string;
  display: string;
  start_url: string;
  scope: string;
  lang: string;
  dir: string;
  icons: ManifestIcon[];
  shortcuts: { name: string; url: string }[];
}

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(0, 8).equals(signature), 'PNG signature').toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchPng(url: string): Promise<{ width: number; height: number }> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  return pngSize(Buffer.from(await response.arrayBuffer()));
}

/**
 * Fires Chromium's install prompt as the browser would, with a `prompt()` that counts its calls
 * and a `userChoice` the test settles with `window.__settleChoice`.
 */
async function offerInstall(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    window.__promptCalls = 0;
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: () => {
        window.__promptCalls = (window.__promptCalls ?? 0) + 1;
        return Promise.resolve();
      },
      userChoice: new Promise((resolve) => {
        window.__settleChoice = resolve;
      }),
    });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

/** Deploys "build 2" into the served folder: a changed page and so a changed worker script. */
async function deployBuild2(server: AppCopyServer): Promise<string> {
  const indexFile = path.join(server.appDir, 'index.html');
  const html = await readFile(indexFile, 'utf8');
  await writeFile(indexFile, html.replace('</head>', `  ${BUILD_MARKER}\n  </head>`));
  const swFile = path.join(server.appDir, 'sw.js');
  const sw = await readFile(swFile, 'utf8');
  const revision = /"revision":"([0-9a-f]+)","url":"index.html"/.exec(sw)?.[1];
  if (!revision) throw new Error('sw.js does not precache index.html with a revision');
  // The new revision makes the new worker precache the new index.html.
  const next = `${revision.slice(0, -4)}b002`;
  await writeFile(swFile, sw.replace(revision, next));
  return next;
}

/** The URLs under which the worker's caches hold index.html (Workbox adds the revision). */
function cachedIndexUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      urls.push(
        ...requests
          .map((request) => request.url)
          .filter((url) => new URL(url).pathname === '/index.html'),
      );
    }
    return urls;
  });
}

describe('installing Folio', () => {
  it('offers an Install button on beforeinstallprompt and calls its prompt()', async () => {
    const { page, errors } = session();
    await openSynced(session());
    const nav = page.getByRole('navigation', { name: 'Main' });
    const install = nav.getByRole('button', { name: 'Install app' });
    expect(await install.count()).toBe(0);

    // The app keeps the event for its own button, instead of the browser's infobar.
    expect(await offerInstall(page)).toBe(true);
    await install.waitFor({ state: 'visible' });
    await install.click();
    await expect.poll(() => page.evaluate(() => window.__promptCalls)).toBe(1);
    await page.evaluate(() => window.__settleChoice?.({ outcome: 'accepted', platform: 'web' }));
    await install.waitFor({ state: 'detached' });

    // Only a new offer brings the button back; installing hides it as well.
    await offerInstall(page);
    await install.waitFor({ state: 'visible' });
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await install.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('serves a manifest Chromium accepts, with every icon at its stated size', async () => {
    const { page, server, errors } = session();
    await page.goto(`${server.base}/`);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifestUrl = new URL(manifestHref ?? '', `${server.base}/`).href;
    expect(manifestUrl).toBe(`${server.base}/manifest.webmanifest`);

    const response = await fetch(manifestUrl);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as Manifest;
    expect(manifest).toMatchObject({
      name: 'Folio',
      short_name: 'Folio',
      display: 'standalone',
      start_url: '.',
      scope: '.',
      lang: 'en',
      dir: 'ltr',
    });
    expect(manifest.description.length).toBeGreaterThan(0);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const bookmarks = manifest.shortcuts.find((shortcut) => shortcut.name === 'Bookmarks');
    expect(new URL(bookmarks?.url ?? '', manifestUrl).href).toBe(`${server.base}/bookmarks`);

    const icons = [];
    for (const icon of manifest.icons) {
      const { width, height } = await fetchPng(new URL(icon.src, manifestUrl).href);
      expect(icon.sizes).toBe(`${width}x${height}`);
      expect(icon.type).toBe('image/png');
      icons.push(`${icon.sizes} ${icon.purpose ?? 'any'}`);
    }
    expect(icons.sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);

    const touchHref = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect(await fetchPng(new URL(touchHref ?? '', `${server.base}/`).href)).toEqual({
      width: 180,
      height: 180,
    });
    for (const name of ['apple-mobile-web-app-capable', 'apple-mobile-web-app-title']) {
      expect(await page.locator(`meta[name="${name}"]`).getAttribute('content')).toBeTruthy();
    }

    // Chromium's own reading of the manifest: no parse errors, and nothing against installing.
    const cdp = await page.context().newCDPSession(page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { errors: unknown[] };
    expect(parsed.errors).toEqual([]);
    await waitForSettled(page);
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // Playwright's contexts are off the record, where Chromium never installs; nothing else.
    const blockers = installability.installabilityErrors.map((error) => error.errorId);
    expect(blockers.filter((id) => id !== 'in-incognito')).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** Opens the app copy's Home in a fresh profile and waits until its worker is installed. */
async function openInstalled(page: Page, server: AppCopyServer): Promise<void> {
  await page.goto(`${server.base}/`);
  await waitForSettled(page);
  // A fresh profile: the first install says the app now opens offline.
  await page.getByRole('status').filter({ hasText: 'Ready to read offline' }).waitFor();
}

/** Deploys build 2, has the worker look for it, and returns the toast that offers it. */
async function offerBuild2(page: Page, server: AppCopyServer) {
  const revision = await deployBuild2(server);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  const update = page.getByRole('status').filter({ hasText: 'New version available' });
  await update.waitFor();
  return { revision, update };
}

describe('updating Folio', () => {
  it('says a new version is ready, and Reload brings it in once, bookmarks intact', async () => {
    const { page, errors } = session();
    const server = await startAppCopyServer();
    try {
      await openInstalled(page, server);
      const before = await cachedIndexUrls(page);
      expect(before).toHaveLength(1);

      const main = page.getByRole('main');
      const card = main.getByRole('article', { name: ARTICLE.title, exact: true });
      await card.getByRole('button', { name: 'Bookmark', exact: true }).click();
      await card.getByRole('button', { name: 'Remove bookmark', exact: true }).waitFor();

      const { revision, update } = await offerBuild2(page, server);
      // Non-blocking: the page stays usable, nothing modal took over.
      expect(await page.getByRole('dialog').count()).toBe(0);

      // axe with both the toast and the Install button on screen.
      await offerInstall(page);
      await page.getByRole('button', { name: 'Install app' }).waitFor();
      await expectNoAxeViolations(page);

      let loads = 0;
      page.on('load', () => (loads += 1));
      await update.getByRole('button', { name: 'Reload' }).click();
      await page.waitForFunction(() => document.querySelector('meta[name="folio-build"]'), null, {
        polling: 100,
      });
      await waitForSettled(page);
      // Two more seconds for a looping reload to show itself.
      await page.waitForTimeout(2000);
      expect(loads).toBe(1);
      // The page came from the new worker's precache, and that worker alone is left.
      expect(await cachedIndexUrls(page)).toEqual([
        `${server.base}/index.html?__WB_REVISION__=${revision}`,
      ]);
      const worker = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return {
          waiting: registration?.waiting !== null,
          controlled: navigator.serviceWorker.controller?.state ?? null,
        };
      });
      expect(worker).toEqual({ waiting: false, controlled: 'activated' });
      expect(await page.getByText('New version available').count()).toBe(0);
      // Home was rendered by the new worker in the new build's shell, the bookmark in it.
      await card.getByRole('button', { name: 'Remove bookmark', exact: true }).waitFor();

      await page.getByRole('navigation').getByRole('link', { name: 'Bookmarks' }).click();
      await main.getByRole('heading', { level: 2, name: ARTICLE.title }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('an update over a slow network', () => {
  it('reloads into the new version at once, while its first sync waits on the feed', async () => {
    const { page, context } = session();
    const server = await startAppCopyServer();
    try {
      await openInstalled(page, server);
      const { update } = await offerBuild2(page, server);

      // From now on the feed answers after FEED_DELAY_MS, for the worker as for the page.
      const FEED_DELAY_MS = 8_000;
      await context.route('**/content/**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, FEED_DELAY_MS));
        await route.continue().catch(() => undefined);
      });
      const clicked = Date.now();
      await update.getByRole('button', { name: 'Reload' }).click();
      await page.waitForFunction(() => document.querySelector('meta[name="folio-build"]'), null, {
        polling: 100,
        timeout: 20_000,
      });
      await page.getByRole('heading', { level: 1, name: 'Latest articles' }).waitFor();
      await page.getByRole('link', { name: ARTICLE.title, exact: true }).waitFor();
      // The new worker's activation does not include its sync: the reload is not held for it.
      expect(Date.now() - clicked).toBeLessThan(FEED_DELAY_MS / 2);
    } finally {
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await server.close();
    }
  });
});

declare global {
  interface Window {
    __promptCalls?: number;
    __settleChoice?: (choice: { outcome: string; platform: string }) => void;
  }
}
