// The journey as a test suite, one per engine: each engine file calls defineJourney with its
// launcher, so that each reports its own time.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, assertBuilt } from '../e2e/harness';
import { boxColours, contrast, type Box } from './colours';
import { LEAVING, byText, waitFor, type EngineDriver } from './driver';
import { defineFeatureChecks } from './features';
import { defineReaderLayerChecks } from './reader-layer';
import {
  ARTICLES,
  chooseLanguage,
  chooseTheme,
  expectArticle,
  expectListed,
  expectSavedForOffline,
  openLink,
  titlesIn,
} from './journey';
import { startEngineServer, type EngineServer } from './server';

export const SCREENS_DIR = path.join(REPO_ROOT, 'test-results/engines');

/**
 * What the browser itself logs for the connections this suite refuses on purpose (the server is
 * stopped to go offline). Each engine words it its own way; Firefox calls a refused cross-origin
 * request (the comment to WordPress) a CORS failure with no status at all, which a real CORS
 * fault never is. Anything else is a failure.
 */
const REFUSED =
  /Failed to load resource: (net::ERR_CONNECTION_REFUSED|Could not connect to the server)|NetworkError when attempting to fetch resource|\(Reason: CORS request did not succeed\)\. Status code: \(null\)/;

/**
 * What Firefox reports of the loads a navigation cuts short, on the page it leaves (a lazy
 * module, a stylesheet, the worker's answer to them): the page is gone, so no reader meets it.
 * The service worker is not at fault (src/sw.ts); only lines marked LEAVING are forgiven.
 */
const CUT_SHORT =
  /error loading dynamically imported module|Unable to preload CSS|A ServiceWorker intercepted the request and encountered an unexpected error/;

const statusHeight = () =>
  document.querySelector('#app > div.status')?.getBoundingClientRect().height;

export function defineJourney(launch: () => Promise<EngineDriver>): void {
  let driver: EngineDriver;
  let server: EngineServer;
  let freshStatusHeight: number | undefined;
  const [first, second, third] = ARTICLES;
  if (!first || !second || !third) throw new Error('the sample feed has fewer than 3 articles');

  beforeAll(async () => {
    assertBuilt();
    server = await startEngineServer();
    driver = await launch();
    console.log(`engine: ${driver.version}`);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  describe('the core journey', () => {
    it('lists the feed on a first visit and opens an article', async () => {
      await driver.goto(`${server.base}/`);
      await expectListed(driver, titlesIn('en'));
      await openLink(driver, first.title);
      await expectArticle(driver, first.id);
    });

    it('is taken over by the service worker, with every body saved in IndexedDB', async () => {
      expect(await expectSavedForOffline(driver)).toBe(ARTICLES.length);
      freshStatusHeight = await driver.run(statusHeight);
    });

    it('opens Home, a never-opened article and a deep link offline', async () => {
      await server.goOffline();
      try {
        await driver.goto(`${server.base}/`);
        await expectListed(driver, titlesIn('en'));
        // Home came rendered by the service worker, from IndexedDB, and the app hydrated it.
        expect(await driver.run(() => performance.getEntriesByName('folio:hydrated').length)).toBe(
          1,
        );
        // The start-up sync fails a moment after the list paints, and the status line says so,
        // with "Try again" (the device thinks it is online). The line keeps its height: a
        // reader's tap at that moment would otherwise land on the line below the one aimed at.
        await waitFor(driver, 'waiting for the offline status', () =>
          Boolean(document.querySelector('#app > div.status[data-status="offline"] button')),
        );
        expect(await driver.run(statusHeight)).toBe(freshStatusHeight);
        await openLink(driver, second.title);
        await expectArticle(driver, second.id);
        await driver.goto(`${server.base}/article/${third.id}`);
        await expectArticle(driver, third.id);
      } finally {
        await server.goOnline();
      }
    });

    it('switches to Spanish and back', async () => {
      await driver.goto(`${server.base}/`);
      await expectListed(driver, titlesIn('en'));
      await chooseLanguage(driver, 'es');
      await expectListed(driver, titlesIn('es'));
      await chooseLanguage(driver, 'en');
      await expectListed(driver, titlesIn('en'));
    });

    it('keeps a bookmark across a reload and lists it on Bookmarks', async () => {
      await driver.goto(`${server.base}/`);
      await expectListed(driver, titlesIn('en'));
      await driver.click('main article.card button[aria-label="Bookmark"]');
      await waitFor(
        driver,
        'waiting for the bookmark to be pressed',
        () => document.querySelector('main article.card button[aria-pressed="true"]') !== null,
      );
      await driver.reload();
      await expectListed(driver, titlesIn('en'));
      await driver.click(await byText(driver, 'header a', 'Bookmarks'));
      await waitFor(
        driver,
        'waiting for the bookmark on Bookmarks',
        (title: string) =>
          document.querySelector('main h1')?.textContent?.trim() === 'Bookmarks' &&
          [...document.querySelectorAll('main a')].some(
            (link) => link.textContent?.replace(/\s+/g, ' ').trim() === title,
          ),
        first.title,
      );
    });

    it('searches offline, folding accents', async () => {
      await server.goOffline();
      try {
        await driver.goto(`${server.base}/`);
        await expectListed(driver, titlesIn('en'));
        await driver.type('header input[type="search"]', 'caucaso', { enter: true });
        const title = 'Francia frente a Bakú y Ankara en el Cáucaso';
        await byText(driver, 'main a', title);
        expect(new URL(await driver.url()).search).toBe('?q=caucaso');
        const marked = await driver.run(() =>
          [...document.querySelectorAll('main a mark')].map((mark) => mark.textContent),
        );
        expect(marked).toEqual(['Cáucaso']);
      } finally {
        await server.goOnline();
      }
    });

    it('reads a Persian article right to left', async () => {
      const id = first.id;
      await driver.goto(`${server.base}/article/${id}?lang=fa`);
      await expectArticle(driver, id, 'fa');
      // The article's own blocks say dir="rtl"; everything in Persian inside them runs right
      // to left, as the engine computes it.
      const shown = await driver.run(() => ({
        marked: [...document.querySelectorAll('main [lang="fa"][dir]')].map((node) =>
          node.getAttribute('dir'),
        ),
        computed: [...document.querySelectorAll('main [lang="fa"]')].map(
          (node) => getComputedStyle(node).direction,
        ),
      }));
      expect(shown.marked.length).toBeGreaterThan(0);
      expect(new Set(shown.marked)).toEqual(new Set(['rtl']));
      expect(new Set(shown.computed)).toEqual(new Set(['rtl']));
      await chooseLanguage(driver, 'en');
    });
  });

  describe('what the reader sees', () => {
    for (const theme of ['Light', 'Dark'] as const) {
      it(`Home and an article in the ${theme.toLowerCase()} theme, language menu readable`, async () => {
        await chooseTheme(driver, server.base, theme);
        const slug = `${driver.name}-${theme.toLowerCase()}`;
        await mkdir(SCREENS_DIR, { recursive: true });
        // Settings: the native controls (radio groups, switches, a select) as each engine draws them.
        await writeFile(path.join(SCREENS_DIR, `${slug}-settings.png`), await driver.screenshot());
        await driver.goto(`${server.base}/`);
        await expectListed(driver, titlesIn('en'));
        const home = await driver.screenshot();
        await writeFile(path.join(SCREENS_DIR, `${slug}-home.png`), home);

        // The menu as the engine drew it: its text must stand out from its background.
        const box = await driver.run((): Box | null => {
          const select = document.querySelector('header select');
          if (!select) return null;
          const rect = select.getBoundingClientRect();
          const scale = window.devicePixelRatio;
          // The text's part of the control: inside the border, before the arrow.
          return {
            x: (rect.x + 4) * scale,
            y: (rect.y + 4) * scale,
            width: (rect.width * 0.6 - 4) * scale,
            height: (rect.height - 8) * scale,
          };
        });
        expect(box).not.toBeNull();
        const colours = boxColours(home, box as Box);
        expect(
          contrast(colours.text, colours.background),
          `menu text ${colours.text.join(',')} on ${colours.background.join(',')}`,
        ).toBeGreaterThanOrEqual(4.5);

        await openLink(driver, first.title);
        await expectArticle(driver, first.id);
        await writeFile(path.join(SCREENS_DIR, `${slug}-article.png`), await driver.screenshot());
      });
    }
  });

  defineFeatureChecks(() => ({ driver, server }), SCREENS_DIR);
  defineReaderLayerChecks(() => ({ driver, server }));

  it('met no console error and no uncaught exception', async () => {
    const errors = (await driver.errors()).filter(
      (line) => !REFUSED.test(line) && !(line.startsWith(LEAVING) && CUT_SHORT.test(line)),
    );
    expect(errors, errors.join('\n')).toEqual([]);
  });
}
