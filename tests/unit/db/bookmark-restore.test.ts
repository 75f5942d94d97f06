import { afterEach, describe, expect, it } from 'vitest';
import {
  addBookmark,
  getBookmark,
  listBookmarks,
  openFolioDb,
  removeBookmark,
  restoreBookmark,
  storeArticles,
  storePage,
  type FolioDB,
  type StoredArticle,
} from '../../../src/lib/db';
import { parseIndexPage } from '../../../src/lib/feed';
import { FEED_URL, indexPage, summary } from '../../fixtures/feed';

let db: FolioDB | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

async function withFeed(ids: string[], removed: string[] = []): Promise<FolioDB> {
  db ??= await openFolioDb();
  const page = parseIndexPage(
    indexPage(
      ids.map((id) => summary(id)),
      { removed },
    ),
    {
      label: 'index.json',
      url: FEED_URL,
    },
  );
  await storePage(db, { feedUrl: FEED_URL, ...page });
  return db;
}

const copy = (id: string, body: string): StoredArticle => ({
  id,
  published: '2026-11-01T08:00:00Z',
  updated: '2026-11-01T08:00:00Z',
  categories: [],
  translations: { en: { title: `Saved ${id}`, body } },
  url: FEED_URL,
  fetchedAt: 1,
});

describe('removing a bookmark and undoing it', () => {
  it('returns what was removed, and puts it back with its own date and place', async () => {
    const database = await withFeed(['one', 'two', 'three']);
    await addBookmark(database, 'one', 'Title one', 100);
    await addBookmark(database, 'two', 'Title two', 200);
    await addBookmark(database, 'three', 'Title three', 300);

    const removed = await removeBookmark(database, 'two');
    expect(removed).toEqual({
      bookmark: { id: 'two', createdAt: 200, state: 'active', title: 'Title two' },
    });
    expect(await removeBookmark(database, 'two')).toBeUndefined();

    await restoreBookmark(database, removed as NonNullable<typeof removed>);
    expect(await getBookmark(database, 'two')).toEqual(removed?.bookmark);
    expect((await listBookmarks(database)).map((e) => e.bookmark.id)).toEqual([
      'three',
      'two',
      'one',
    ]);
  });

  it("puts back a withdrawn bookmark's saved copy, which went with it", async () => {
    const database = await withFeed(['one']);
    await storeArticles(database, [copy('one', '<p>kept</p>')]);
    await addBookmark(database, 'one', 'Title one', 1);
    await withFeed([], ['one']);

    const removed = await removeBookmark(database, 'one');
    expect(removed?.bookmark.state).toBe('withdrawn');
    expect(removed?.article?.translations.en?.body).toBe('<p>kept</p>');
    expect(await database.get('articles', 'one')).toBeUndefined();

    await restoreBookmark(database, removed as NonNullable<typeof removed>);
    const [entry] = await listBookmarks(database);
    expect(entry?.bookmark).toEqual({
      id: 'one',
      createdAt: 1,
      state: 'withdrawn',
      title: 'Title one',
    });
    expect(entry?.article?.translations.en?.body).toBe('<p>kept</p>');
  });

  it('keeps a copy saved again since the removal rather than the older one', async () => {
    const database = await withFeed(['one']);
    await storeArticles(database, [copy('one', '<p>old</p>')]);
    await addBookmark(database, 'one', 'Title one', 1);
    await withFeed([], ['one']);
    const removed = await removeBookmark(database, 'one');
    await database.put('articles', copy('one', '<p>newer</p>'));

    await restoreBookmark(database, removed as NonNullable<typeof removed>);
    expect((await database.get('articles', 'one'))?.translations.en?.body).toBe('<p>newer</p>');
  });
});
