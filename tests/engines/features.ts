// Where engines differ: Background Sync, Periodic Background Sync, the app badge and the
// install prompt are Chromium's (or partly so). Each test says what Folio does without them
// and checks it in every engine, so the engines that lack a feature test its fallback. What
// each engine has is written to test-results/engines/<engine>-features.json, for the README.
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommentsStub, type CommentsStub } from '../e2e/comments-stub';
import { waitFor, type EngineDriver } from './driver';
import { expectArticle } from './journey';
import type { EngineServer } from './server';

export interface Features {
  backgroundSync: boolean;
  periodicBackgroundSync: boolean;
  appBadge: boolean;
  installPrompt: boolean;
}

const ARTICLE = 'reasons-for-ineffectiveness-of-riyadh-summit';
const EN_POST_ID = 61588;

export function defineFeatureChecks(
  session: () => { driver: EngineDriver; server: EngineServer },
  screensDir: string,
): void {
  let features: Features;
  let wordpress: CommentsStub;

  beforeAll(async () => {
    wordpress = await startCommentsStub(Number(process.env.FOLIO_COMMENTS_PORT));
  });
  afterAll(() => wordpress?.close());

  describe('where engines differ', () => {
    it('says which of the Chromium-only features this engine has', async () => {
      const { driver, server } = session();
      await driver.goto(`${server.base}/`);
      features = await driver.run(async () => {
        const registration = await navigator.serviceWorker.ready;
        return {
          backgroundSync: 'sync' in registration,
          periodicBackgroundSync: 'periodicSync' in registration,
          appBadge: 'setAppBadge' in navigator,
          installPrompt: 'onbeforeinstallprompt' in window,
        };
      });
      await mkdir(screensDir, { recursive: true });
      await writeFile(
        path.join(screensDir, `${driver.name}-features.json`),
        `${JSON.stringify({ engine: driver.version, ...features }, null, 2)}\n`,
      );
      // Chromium has them all but the badge, which needs an installed app; the suite would
      // have nothing to compare with otherwise.
      if (driver.name === 'chromium') expect(features.backgroundSync).toBe(true);
      else expect(features.backgroundSync).toBe(false);
    });

    it('checks the feed each time the app opens, periodic sync or not', async () => {
      // Without Periodic Background Sync (everywhere but an installed Chromium app), nothing
      // syncs while Folio is closed: the page asks for the feed as it opens.
      const { driver, server } = session();
      const mark = server.hits.length;
      await driver.reload();
      // A sync started after this page began to load, and it asked the server for the feed.
      await waitFor(driver, 'waiting for a sync started by this opening', async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('folio');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('open failed'));
        });
        try {
          const record = await new Promise<{ status?: string; startedAt?: number } | undefined>(
            (resolve, reject) => {
              const request = db.transaction('meta').objectStore('meta').get('sync');
              request.onsuccess = () => resolve(request.result as never);
              request.onerror = () => reject(request.error ?? new Error('read failed'));
            },
          );
          return record?.status === 'fresh' && (record.startedAt ?? 0) >= performance.timeOrigin;
        } finally {
          db.close();
        }
      });
      expect(server.hits.slice(mark)).toContain('/content/index.json');
    });

    it('sends a comment written with the site out of reach when the app next opens', async () => {
      // With Background Sync (Chromium) the worker would send it even with Folio closed
      // (tests/e2e/comments.e2e.ts). Everywhere, the page sends what waits as it opens, and
      // when the device says it is back online.
      const { driver, server } = session();
      await driver.goto(`${server.base}/article/${ARTICLE}`);
      await expectArticle(driver, ARTICLE);
      await server.goOffline();
      await wordpress.close();
      try {
        await driver.type('#comment-content', 'Written on a train');
        await driver.type('#comment-name', 'Ana');
        await driver.type('#comment-email', 'ana@example.org');
        await driver.click('main form button[type="submit"]');
        await waitFor(driver, 'waiting for the comment to be queued', () =>
          (document.querySelector('main form')?.textContent ?? '').includes('Queued'),
        );
      } finally {
        await wordpress.listen();
        await server.goOnline();
      }
      expect(wordpress.received).toEqual([]);
      await driver.reload();
      await expect
        .poll(() => wordpress.received, { timeout: 15_000 })
        .toEqual([
          {
            post: EN_POST_ID,
            author_name: 'Ana',
            author_email: 'ana@example.org',
            content: 'Written on a train',
          },
        ]);
    });

    it('offers no Install button where the browser offers no prompt', async () => {
      const { driver, server } = session();
      await driver.goto(`${server.base}/`);
      await waitFor(driver, 'waiting for Home', () => document.querySelector('main h1') !== null);
      const install = await driver.run(() =>
        [...document.querySelectorAll('button')].some((button) =>
          (button.textContent ?? '').includes('Install app'),
        ),
      );
      // Chromium offers one only once it fires beforeinstallprompt (tests/e2e/pwa.e2e.ts);
      // Safari on iOS gets a hint instead, Firefox and desktop WebKit nothing to press.
      expect(install).toBe(false);
    });
  });
}
