import { afterEach, describe, expect, it } from 'vitest';
import {
  addBookmark,
  getBookmark,
  listBookmarks,
  openFolioDb,
  removeBookmark,
  storeArticles,
  storePage,
  type FolioDB,
} from '../../../src/lib/db';
import {
  BookmarkImportError,
  exportBookmarks,
  importBookmarks,
} from '../../../src/lib/db/bookmark-transfer';
import { parseIndexPage } from '../../../src/lib/feed';
import { FEED_URL, indexPage, summary } from '../../fixtures/feed';

let db: FolioDB | undefined;
afterEach(() => db?.close());

async function withFeed(): Promise<FolioDB> {
  db = await openFolioDb();
  const page = parseIndexPage(indexPage([summary('one'), summary('two')]), {
    label: 'index.json',
    url: FEED_URL,
  });
  await storePage(db, { feedUrl: FEED_URL, ...page });
  return db;
}

describe('bookmarks', () => {
  it('lists bookmarks newest-bookmarked first, with their summaries', async () => {
    const database = await withFeed();
    await addBookmark(database, 'two', 'Title two', 100);
    await addBookmark(database, 'one', 'Title one', 200);
    const entries = await listBookmarks(database);
    expect(entries.map((e) => e.bookmark.id)).toEqual(['one', 'two']);
    expect(entries[0]?.summary?.translations.en?.title).toBe('Title one');
  });

  it('keeps the first bookmark time when bookmarked twice, and removes', async () => {
    const database = await withFeed();
    await addBookmark(database, 'one', undefined, 100);
    await addBookmark(database, 'one', undefined, 999);
    expect((await getBookmark(database, 'one'))?.createdAt).toBe(100);
    await removeBookmark(database, 'one');
    expect(await listBookmarks(database)).toEqual([]);
  });

  it('lists a withdrawn bookmark with its saved copy', async () => {
    const database = await withFeed();
    await storeArticles(database, [
      {
        id: 'one',
        published: '2026-11-01T08:00:00Z',
        updated: '2026-11-01T08:00:00Z',
        categories: [],
        translations: { en: { title: 'Saved copy', body: '<p>kept</p>' } },
        url: FEED_URL,
        fetchedAt: 1,
      },
    ]);
    await addBookmark(database, 'one', 'Title one', 1);
    const next = parseIndexPage(indexPage([summary('two')], { removed: ['one'] }), {
      label: 'index.json',
      url: FEED_URL,
    });
    await storePage(database, { feedUrl: FEED_URL, ...next });
    const [entry] = await listBookmarks(database);
    expect(entry?.bookmark.state).toBe('withdrawn');
    expect(entry?.summary).toBeUndefined();
    expect(entry?.article?.translations.en?.body).toBe('<p>kept</p>');

    // Removing the bookmark lets the saved copy go: nothing else keeps it.
    await removeBookmark(database, 'one');
    expect(await database.get('articles', 'one')).toBeUndefined();
  });

  it('keeps the body of an article still in the feed when its bookmark is removed', async () => {
    const database = await withFeed();
    await storeArticles(database, [
      {
        id: 'two',
        published: '2026-11-01T08:00:00Z',
        updated: '2026-11-01T08:00:00Z',
        categories: [],
        translations: { en: { title: 'T', body: '<p>b</p>' } },
        url: FEED_URL,
        fetchedAt: 1,
      },
    ]);
    await addBookmark(database, 'two', 'T', 1);
    await removeBookmark(database, 'two');
    expect(await database.get('articles', 'two')).toBeDefined();
  });

  it('exports and imports back, merging without losing what is there', async () => {
    const database = await withFeed();
    await addBookmark(database, 'one', 'Title one', Date.parse('2026-11-05T00:00:00Z'));
    const file = await exportBookmarks(database, 'en');
    expect(file).toEqual({
      app: 'folio',
      kind: 'bookmarks',
      version: 2,
      bookmarks: [{ id: 'one', bookmarkedAt: '2026-11-05T00:00:00.000Z', title: 'Title one' }],
      reads: [],
      highlights: [],
    });

    await removeBookmark(database, 'one');
    await addBookmark(database, 'two', 'Title two', 5);
    const more = {
      ...file,
      bookmarks: [...file.bookmarks, { id: 'two', bookmarkedAt: '2020-01-01T00:00:00Z' }],
    };
    expect(await importBookmarks(database, JSON.stringify(more))).toEqual({
      added: 1,
      kept: 1,
      reads: 0,
      highlights: 0,
    });
    const entries = await listBookmarks(database);
    expect(entries.map((e) => e.bookmark.id)).toEqual(['one', 'two']);
    // The bookmark already there keeps its own time.
    expect(entries[1]?.bookmark.createdAt).toBe(5);
  });

  it.each([
    ['not JSON', '{"app":', 'The file is not JSON.'],
    [
      'another file',
      '{"version":1,"articles":[]}',
      'This is not a Folio bookmarks file (app: is required).',
    ],
    [
      'a bad entry',
      '{"app":"folio","kind":"bookmarks","version":1,"bookmarks":[{"id":"../x","bookmarkedAt":"2026-01-01T00:00:00Z"}]}',
      'This is not a Folio bookmarks file (bookmarks[0].id: is not an article id).',
    ],
  ])('refuses %s with a clear message and changes nothing', async (_name, text, message) => {
    const database = await withFeed();
    await addBookmark(database, 'one', undefined, 1);
    const attempt = importBookmarks(database, text);
    await expect(attempt).rejects.toThrow(BookmarkImportError);
    await expect(importBookmarks(database, text)).rejects.toThrow(message);
    expect((await listBookmarks(database)).map((e) => e.bookmark.id)).toEqual(['one']);
  });
});
