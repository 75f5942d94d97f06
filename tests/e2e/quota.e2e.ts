import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { articleLink, openSynced, useSession, waitForQuiet } from './harness';

const session = useSession();
const BOOKMARKED = 'France vs. Baku and Ankara in the Caucasus';

/** The keys of one of the app's IndexedDB stores, sorted (run in the page). */
function storeKeys(store: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('folio');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(store).objectStore(store).getAllKeys();
      request.onsuccess = () => {
        open.result.close();
        resolve((request.result as string[]).sort());
      };
    };
  });
}

/** Ids of articles whose full body IndexedDB holds. */
const savedBodies = (page: Page) => page.evaluate(storeKeys, 'articles');

describe('a full disk', () => {
  it('prunes the oldest unbookmarked articles, says the device is out of space, and keeps bookmarks readable', async () => {
    const { page, server } = session();
    // Chromium applies a quota override only when it is set before the origin first stores
    // anything: room for the app and the sample feed (about 0.6 MB), not for a 3 MB article.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: server.base,
      quotaSize: 2 * 1024 * 1024,
    });
    await openSynced(session());
    await articleLink(page, BOOKMARKED).click();
    await page.getByRole('button', { name: 'Bookmark', exact: true }).click();
    // The button turns at once; the bookmark is written just after. Leave only once it is.
    await expect.poll(() => page.evaluate(storeKeys, 'bookmarks')).toHaveLength(1);
    await page.goto(`${server.base}/`);
    const before = await savedBodies(page);
    expect(before).toHaveLength(8);

    // Publish an article whose body cannot be compressed away, larger than the room left.
    const indexFile = path.join(server.contentDir, 'index.json');
    const index = JSON.parse(await readFile(indexFile, 'utf8')) as {
      updated: string;
      articles: Record<string, unknown>[];
    };
    const date = '2026-11-23T00:00:00Z';
    const summary = {
      id: 'a-heavy-article',
      href: 'articles/a-heavy-article.json',
      published: date,
      updated: date,
      categories: ['political'],
      translations: { en: { title: 'A heavy article' } },
    };
    const body = `<p>${randomBytes(2400 * 1024).toString('base64')}</p>`;
    await server.writeContent(
      'articles/a-heavy-article.json',
      JSON.stringify({
        ...summary,
        version: 1,
        href: undefined,
        translations: { en: { title: 'A heavy article', body } },
      }),
    );
    await server.writeContent(
      'index.json',
      JSON.stringify({ ...index, updated: date, articles: [summary, ...index.articles] }),
    );

    await page
      .getByRole('button', { name: 'Try again' })
      .or(page.locator('body'))
      .first()
      .waitFor();
    await page.reload();
    await expect.poll(() => waitForQuiet(page), { timeout: 30_000 }).toBe('error');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'out of storage space',
    );

    // The refused write freed room first: the oldest bodies that are not bookmarked were pruned
    // (the sync retried once, which could not fit 3 MB either, hence the message). The
    // bookmarked article keeps its full text.
    const after = await savedBodies(page);
    expect(after.length).toBeLessThan(before.length);
    expect(after).toContain('france-vs-baku-and-ankara-in-the-caucasus');
    await page.goto(`${server.base}/bookmarks`);
    await page.getByRole('link', { name: BOOKMARKED }).click();
    await page.locator('div.body p').first().waitFor();
  });
});
