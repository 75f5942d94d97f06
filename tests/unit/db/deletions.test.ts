import { afterEach, describe, expect, it } from 'vitest';
import {
  clearSaved,
  openFolioDb,
  removeBookmark,
  storeArticles,
  storePage,
  type FolioDB,
} from '../../../src/lib/db';
import { deletionCount } from '../../../src/lib/db/deletions';
import { parseIndexPage } from '../../../src/lib/feed';
import { bodyImages } from '../../../src/lib/sync/images';
import { FEED_URL, indexPage, summary } from '../../fixtures/feed';

// The persisted search index trusts this count: a deleting path that forgets it leaves the
// index answering with articles that are gone (tests/unit/search/persist.test.ts).
let db: FolioDB | undefined;
afterEach(() => db?.close());

async function storeSummaries(entries: Record<string, unknown>[], removed: string[] = []) {
  const page = parseIndexPage(indexPage(entries, { removed }), {
    label: 'index.json',
    url: FEED_URL,
  });
  await storePage(db as FolioDB, {
    feedUrl: FEED_URL,
    info: page.info,
    updated: page.updated,
    summaries: page.summaries,
    removed: page.removed,
    purged: page.purged,
  });
}

async function storeBody(id: string) {
  await storeArticles(db as FolioDB, [
    {
      id,
      published: '2026-11-01T08:00:00Z',
      updated: '2026-11-01T08:00:00Z',
      categories: ['political'],
      translations: { en: { title: `Title ${id}`, body: '<p>Body</p>' } },
      url: `${FEED_URL}/${id}`,
      fetchedAt: Date.now(),
    },
  ]);
}

const count = () => deletionCount(db as FolioDB);

describe('the count of deleting transactions', () => {
  it('grows when a page removes articles, and not when it only stores them', async () => {
    db = await openFolioDb();
    expect(await count()).toBe(0);
    await storeSummaries([summary('one'), summary('two')]);
    expect(await count()).toBe(0);
    await storeSummaries([summary('one')], ['two']);
    expect(await count()).toBe(1);
  });

  it('grows when saved bodies are cleared, and not when there were none', async () => {
    db = await openFolioDb();
    await storeSummaries([summary('one')]);
    await clearSaved(db, bodyImages);
    expect(await count()).toBe(0);
    await storeBody('one');
    await clearSaved(db, bodyImages);
    expect(await count()).toBe(1);
  });

  it('grows when removing a bookmark takes a withdrawn article’s body', async () => {
    db = await openFolioDb();
    await storeSummaries([summary('kept')]);
    await storeBody('kept');
    await db.put('bookmarks', { id: 'kept', createdAt: 1, state: 'active' });
    await storeSummaries([], ['kept']);
    const before = await count();
    await removeBookmark(db, 'kept');
    expect(await count()).toBe(before + 1);
  });
});
