import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openFolioDb, storeArticles, storePage, type FolioDB } from '../../../src/lib/db';
import { loadSearchIndex } from '../../../src/lib/db/search-store';
import { parseIndexPage } from '../../../src/lib/feed';
import { FEED_URL, indexPage, summary } from '../../fixtures/feed';
import { persistedFind as findIn } from './persisted';

let db: FolioDB | undefined;
const connection = () => Promise.resolve(db as FolioDB);

beforeEach(async () => {
  // The module keeps the service worker's index between syncs: a fresh one per test.
  vi.resetModules();
  db = await openFolioDb();
});
afterEach(() => db?.close());

async function indexAfterSync(feedChanged: boolean): Promise<void> {
  const module = await import('../../../src/lib/search/index-after-sync');
  await module.indexAfterSync(connection, feedChanged);
}

async function storeFeed(ids: string[], body = (id: string) => `<p>Body of ${id}</p>`) {
  const page = parseIndexPage(indexPage(ids.map((id) => summary(id))), {
    label: 'index.json',
    url: FEED_URL,
  });
  await storePage(db as FolioDB, { feedUrl: FEED_URL, ...page });
  await storeArticles(
    db as FolioDB,
    page.summaries.map((entry) => ({
      id: entry.id,
      published: entry.published,
      updated: entry.updated,
      categories: entry.categories,
      translations: { en: { title: `Title ${entry.id}`, body: body(entry.id) } },
      url: entry.href,
      fetchedAt: Date.now(),
    })),
  );
}

const persistedFind = (query: string) => findIn(db as FolioDB, query);

describe('The search index after a sync (service worker)', () => {
  it('builds and saves an index when none is stored, body text included', async () => {
    await storeFeed(['alpha', 'beta'], (id) => `<p>Only ${id} mentions zephyr${id}</p>`);
    await indexAfterSync(false);
    expect(await persistedFind('zephyrbeta')).toEqual(['beta']);
    expect(await persistedFind('title')).toHaveLength(2);
  });

  it('adds what a later sync stored to the saved index', async () => {
    await storeFeed(['alpha']);
    await indexAfterSync(true);
    expect(await persistedFind('gamma')).toEqual([]);
    await storeFeed(['alpha', 'gamma']);
    await indexAfterSync(true);
    expect(await persistedFind('gamma')).toEqual(['gamma']);
  });

  it('leaves a saved index alone when the feed did not change', async () => {
    await storeFeed(['alpha']);
    await indexAfterSync(true);
    const saved = await loadSearchIndex(db as FolioDB);
    // Stored without a sync noticing a change (the first page answered 304).
    await storeFeed(['alpha', 'delta']);
    vi.resetModules();
    await indexAfterSync(false);
    expect((await loadSearchIndex(db as FolioDB))?.savedAt).toBe(saved?.savedAt);
    expect(await persistedFind('delta')).toEqual([]);
  });

  it('does not walk the saved articles again when a later sync stored nothing', async () => {
    await storeFeed(['alpha']);
    await indexAfterSync(true);
    const saved = await loadSearchIndex(db as FolioDB);
    await storeFeed(['alpha', 'delta']);
    // The same worker, its index still in memory: an offline sync on a page's start.
    await indexAfterSync(false);
    expect((await loadSearchIndex(db as FolioDB))?.savedAt).toBe(saved?.savedAt);
    expect(await persistedFind('delta')).toEqual([]);
    // The next sync that stores something brings everything in.
    await indexAfterSync(true);
    expect(await persistedFind('delta')).toEqual(['delta']);
  });
});
