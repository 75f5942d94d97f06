import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DIST_DIR,
  articleLink,
  expectAllListed,
  expectArticleShown,
  openSynced,
  sampleArticle,
  sampleArticles,
  statusText,
  useSession,
  waitForController,
  waitForSettled,
  waitForStatus,
} from './harness';

const session = useSession();

/** The sample feed's site title in its default language: what a fresh reader's tabs end with. */
function siteTitle(): string {
  const file = path.join(DIST_DIR, 'content', 'index.json');
  const index = JSON.parse(readFileSync(file, 'utf8')) as {
    defaultLanguage: string;
    site: { title: Record<string, string> };
  };
  return index.site.title[index.defaultLanguage] ?? 'Folio';
}

describe('reading online', () => {
  it('lists every article on first load, and opens one from its link', async () => {
    const { page, server } = session();
    await page.goto(`${server.base}/`);

    await expectAllListed(page);
    expect(sampleArticles()).toHaveLength(8);
    // Spot checks against the sample feed, so a feed-reading bug cannot hide behind the helper.
    await articleLink(page, 'The Truth about US troop Pullout from Iraq!').waitFor();
    await articleLink(page, 'France vs. Baku and Ankara in the Caucasus').waitFor();

    const { id, title } = sampleArticle('france-vs-baku-and-ankara-in-the-caucasus');
    await articleLink(page, title).click();
    await page.waitForURL(`${server.base}/article/${id}`);
    await expectArticleShown(page, id);
    await page.locator('div.body p').first().waitFor({ state: 'visible' });

    // The tab says where the reader is: the article's title, then the site's.
    const site = siteTitle();
    await expect.poll(() => page.title()).toBe(`${title} · ${site}`);
    await page.goto(`${server.base}/bookmarks`);
    await expect.poll(() => page.title()).toBe(`Bookmarks · ${site}`);
  });

  it('has the service worker take control, and the first sync ends "fresh"', async () => {
    const { page, server } = session();
    await page.goto(`${server.base}/`);

    const registration = await page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready;
      return { scope: ready.scope, script: ready.active?.scriptURL ?? null };
    });
    expect(registration).toEqual({ scope: `${server.base}/`, script: `${server.base}/sw.js` });

    // The worker claims open pages on activate: no reload is needed to be controlled.
    await waitForController(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
      `${server.base}/sw.js`,
    );
    await waitForStatus(page, 'fresh');
    expect(await statusText(page)).toMatch(/^Up to date · updated \S/);

    // Still controlled after a reload, and that reload's sync (run by the worker) ends fresh too.
    await page.reload();
    await waitForSettled(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });

  it('shows the comments of an article that has some', async () => {
    const { page, server } = session();
    await openSynced(session());
    const id = 'reasons-for-ineffectiveness-of-riyadh-summit';
    await page.goto(`${server.base}/article/${id}`);
    await expectArticleShown(page, id);
    await page.getByRole('heading', { level: 2, name: '2 comments' }).waitFor();
    expect(
      await page.getByRole('region', { name: '2 comments' }).getByRole('article').count(),
    ).toBe(2);
  });

  it('answers an unknown address with "Page not found" and an unknown id with "Article not found"', async () => {
    const { page, server } = session();
    await openSynced(session());

    await page.goto(`${server.base}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();

    await page.goto(`${server.base}/article/no-such-article`);
    await page.getByRole('heading', { level: 1, name: 'Article not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the latest articles' }).click();
    await expectAllListed(page);
  });

  it('logs no console error and throws no uncaught exception while reading online', async () => {
    const { page, server, errors } = session();
    await openSynced(session());
    await expectAllListed(page);

    const first = sampleArticle('truth-about-us-troop-pullout-from-iraq');
    await articleLink(page, first.title).click();
    await expectArticleShown(page, first.id);

    await page.goBack();
    await expectAllListed(page);

    const second = sampleArticle('reasons-for-ineffectiveness-of-riyadh-summit');
    await page.goto(`${server.base}/article/${second.id}`);
    await expectArticleShown(page, second.id);
    await waitForSettled(page);

    expect(errors, errors.join('\n')).toEqual([]);
  });
});
