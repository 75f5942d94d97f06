import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import {
  DB_NAME,
  DB_VERSION,
  DEFAULT_STORAGE_SETTINGS,
  addBookmark,
  applyRetention,
  pruneOldest,
  getArticle,
  getBookmark,
  getFeedMeta,
  getSavedMark,
  getSummary,
  idsNeedingBodies,
  latestSummaries,
  openFolioDb,
  putHighlight,
  storeArticles,
  storePage,
  summariesInCategories,
  allHighlights,
  type FolioDB,
  type StoredArticle,
} from '../../../src/lib/db';
import { parseIndexPage, type ParsedSummary } from '../../../src/lib/feed';
import { FEED_URL, indexPage, summary } from '../../fixtures/feed';
import { describe as describeSpan } from '../../../src/lib/annotations/anchor';

let db: FolioDB | undefined;
afterEach(() => db?.close());

function parsed(entries: Record<string, unknown>[], overrides: Record<string, unknown> = {}) {
  return parseIndexPage(indexPage(entries, overrides), { label: 'index.json', url: FEED_URL });
}

function dated(id: string, hour: number, categories: string[]) {
  const date = `2026-11-01T${String(hour).padStart(2, '0')}:00:00Z`;
  return summary(id, { published: date, updated: date, categories });
}

// Storage does not read bodies: it asks its caller which images a dropped body had.
const imageOf = (body: StoredArticle): string[] => [`https://img.test/${body.id}.jpg`];

function stored(s: ParsedSummary): StoredArticle {
  return {
    id: s.id,
    published: s.published,
    updated: s.updated,
    categories: s.categories,
    translations: { en: { title: 'T', body: '<p>b</p>' } },
    url: s.href,
    fetchedAt: 1,
  };
}

describe('schema and migrations', () => {
  it('creates every store and index on a fresh database', async () => {
    db = await openFolioDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'articles',
      'bookmarks',
      'highlights',
      'meta',
      'outbox',
      'reads',
      'saved',
      'search',
      'summaries',
    ]);
    const tx = db.transaction(['summaries', 'bookmarks', 'reads', 'highlights']);
    expect([...tx.objectStore('summaries').indexNames].sort()).toEqual([
      'by-category',
      'by-published',
    ]);
    expect([...tx.objectStore('bookmarks').indexNames]).toEqual(['by-created']);
    expect([...tx.objectStore('reads').indexNames]).toEqual(['by-category']);
    expect([...tx.objectStore('highlights').indexNames].sort()).toEqual([
      'by-article',
      'by-created',
    ]);
  });

  it('keeps stored data when the database is opened again', async () => {
    db = await openFolioDb();
    await db.put('bookmarks', { id: 'kept', createdAt: 5, state: 'active' });
    db.close();
    db = await openFolioDb();
    expect(await getBookmark(db, 'kept')).toEqual({ id: 'kept', createdAt: 5, state: 'active' });
  });

  it('refuses to open a database from a newer release instead of damaging it', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    newer.close();
    await expect(openFolioDb()).rejects.toThrow();
  });
});

describe('queries', () => {
  it('lists the newest summaries first, reading only as many as asked', async () => {
    db = await openFolioDb();
    const page = parsed([dated('mid', 5, ['a']), dated('new', 9, ['b']), dated('old', 1, ['a'])]);
    await storePage(db, { feedUrl: FEED_URL, ...page });
    expect((await latestSummaries(db, 10)).map((s) => s.id)).toEqual(['new', 'mid', 'old']);
    expect((await latestSummaries(db, 2)).map((s) => s.id)).toEqual(['new', 'mid']);
  });

  it('lists one category newest first through the category index', async () => {
    db = await openFolioDb();
    const page = parsed([
      dated('p1', 1, ['political']),
      dated('t2', 2, ['top-news']),
      dated('both3', 3, ['political', 'top-news']),
      dated('p4', 4, ['political']),
    ]);
    await storePage(db, { feedUrl: FEED_URL, ...page });
    const ids = async (category: string, limit = 10) =>
      (await summariesInCategories(db as FolioDB, [category], limit)).map((s) => s.id);
    expect(await ids('political')).toEqual(['p4', 'both3', 'p1']);
    expect(await ids('top-news')).toEqual(['both3', 't2']);
    expect(await ids('political', 1)).toEqual(['p4']);
    expect(await ids('missing')).toEqual([]);
  });

  it('stores the feed metadata with the first page', async () => {
    db = await openFolioDb();
    await storePage(db, { feedUrl: FEED_URL, ...parsed([]) });
    const meta = await getFeedMeta(db);
    expect(meta?.defaultLanguage).toBe('en');
    expect(meta?.categories.map((c) => c.id)).toEqual(['political', 'top-news']);
    expect(meta?.updated).toBe('2026-11-20T10:00:00Z');
  });
});

describe('writes', () => {
  it('marks summaries saved when their article is stored, and keeps that across pages', async () => {
    db = await openFolioDb();
    const page = parsed([dated('one', 1, []), dated('two', 2, [])]);
    await storePage(db, { feedUrl: FEED_URL, ...page });
    expect(await idsNeedingBodies(db, ['one', 'two'])).toEqual(['one', 'two']);
    await storeArticles(db, [stored(page.summaries[0] as ParsedSummary)]);
    await storePage(db, { feedUrl: FEED_URL, ...page });
    expect(await idsNeedingBodies(db, ['one', 'two'])).toEqual(['two']);
    expect(await getSavedMark(db, 'one')).toBe(page.summaries[0]?.updated);
    expect(await getSavedMark(db, 'two')).toBeNull();
    // The mark is joined to what lists read.
    expect((await latestSummaries(db, 10)).map((s) => [s.id, s.saved])).toEqual([
      ['two', null],
      ['one', page.summaries[0]?.updated],
    ]);
  });

  it('marks an article saved without writing its summary again', async () => {
    db = await openFolioDb();
    const page = parsed([dated('one', 1, ['a']), dated('two', 2, ['a'])]);
    const listed = await storePage(db, { feedUrl: FEED_URL, ...page });
    const before = await db.getAll('summaries');
    // Every put storeArticles makes, by store name: only articles and marks, with `known` or not.
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const known = new Map(listed.map((summary) => [summary.id, summary]));
    await storeArticles(db, page.summaries.map(stored), known);
    await storeArticles(db, [stored(page.summaries[0] as ParsedSummary)]);
    const stores = put.mock.contexts.map((store) => (store as IDBObjectStore).name).sort();
    put.mockRestore();
    expect(stores).toEqual(['articles', 'articles', 'articles', 'saved', 'saved', 'saved']);
    // The summary records are exactly as storePage left them; the marks say what is saved.
    expect(await db.getAll('summaries')).toEqual(before);
    expect(before.every((record) => !('saved' in record))).toBe(true);
    expect(await getSavedMark(db, 'one')).toBe(page.summaries[0]?.updated);
    expect(await getSavedMark(db, 'two')).toBe(page.summaries[1]?.updated);
  });

  it('returns what it stored with the saved marks, for a few and for many stored summaries', async () => {
    db = await openFolioDb();
    for (const count of [3, 60]) {
      const page = parsed(
        Array.from({ length: count }, (_, n) =>
          dated(`c${count}-${String(n).padStart(2, '0')}`, 1, []),
        ),
      );
      await storePage(db, { feedUrl: FEED_URL, ...page });
      const odd = page.summaries.filter((_, n) => n % 2 === 1);
      await storeArticles(db, odd.map(stored));
      const listed = await storePage(db, { feedUrl: FEED_URL, ...page });
      expect(listed.filter((s) => s.saved !== null).map((s) => s.id)).toEqual(odd.map((s) => s.id));
      expect(listed.every((s) => s.saved === null || s.saved === s.updated)).toBe(true);
    }
  });

  it('marks nothing saved for an article whose summary is not stored', async () => {
    db = await openFolioDb();
    const stray = parsed([dated('stray', 1, [])]).summaries[0] as ParsedSummary;
    await storeArticles(db, [stored(stray)]);
    expect(await getArticle(db, 'stray')).toBeDefined();
    expect(await getSavedMark(db, 'stray')).toBeNull();
  });

  it('asks for the body again when an article is updated', async () => {
    db = await openFolioDb();
    const page = parsed([dated('one', 1, [])]);
    await storePage(db, { feedUrl: FEED_URL, ...page });
    await storeArticles(db, [stored(page.summaries[0] as ParsedSummary)]);
    const newer = parsed([
      summary('one', { published: '2026-11-01T01:00:00Z', updated: '2026-11-03T00:00:00Z' }),
    ]);
    await storePage(db, { feedUrl: FEED_URL, ...newer });
    expect(await idsNeedingBodies(db, ['one'])).toEqual(['one']);
  });

  it('applies removed and purged, keeping a bookmark of each as the spec says', async () => {
    db = await openFolioDb();
    const page = parsed(['plain', 'kept', 'taken'].map((id, i) => dated(id, i + 1, ['a'])));
    await storePage(db, { feedUrl: FEED_URL, ...page });
    await storeArticles(db, page.summaries.map(stored));
    await db.put('bookmarks', { id: 'kept', createdAt: 1, state: 'active' });
    await db.put('bookmarks', { id: 'taken', createdAt: 2, state: 'active' });

    const next = parsed(
      page.summaries.map((s) => summary(s.id, { published: s.published, updated: s.updated })),
      {
        removed: ['plain', 'kept'],
        purged: ['taken'],
      },
    );
    await storePage(db, { feedUrl: FEED_URL, ...next });

    expect(await latestSummaries(db, 10)).toEqual([]);
    // Marks go with their summaries, the withdrawn copy's too (it is read without a summary).
    expect(await db.count('saved')).toBe(0);
    expect(await getArticle(db, 'plain')).toBeUndefined();
    // A removed bookmark stays, withdrawn, with its saved copy.
    expect((await getBookmark(db, 'kept'))?.state).toBe('withdrawn');
    expect((await getArticle(db, 'kept'))?.translations.en?.body).toBe('<p>b</p>');
    // A purged one keeps only the note.
    expect((await getBookmark(db, 'taken'))?.state).toBe('purged');
    expect(await getArticle(db, 'taken')).toBeUndefined();
  });

  it('keeps a highlighted article withdrawn; a takedown erases its text and quotes, not notes', async () => {
    db = await openFolioDb();
    const page = parsed(['noted', 'taken'].map((id, i) => dated(id, i + 1, ['a'])));
    await storePage(db, { feedUrl: FEED_URL, ...page });
    await storeArticles(db, page.summaries.map(stored));
    for (const articleId of ['noted', 'taken']) {
      await putHighlight(db, {
        id: `h-${articleId}`,
        articleId,
        lang: 'en',
        ...describeSpan('The council met.', 4, 11),
        note: `My note on ${articleId}`,
        createdAt: 1,
        changedAt: 1,
        deletedAt: null,
      });
    }
    const next = parsed([], { removed: ['noted'], purged: ['taken'] });
    await storePage(db, { feedUrl: FEED_URL, ...next });

    // Withdrawn, never bookmarked: the copy stays for the highlight, read without a summary.
    expect(await getSummary(db, 'noted')).toBeUndefined();
    expect((await getArticle(db, 'noted'))?.translations.en?.body).toBe('<p>b</p>');
    expect(await getArticle(db, 'taken')).toBeUndefined();
    const [noted, taken] = await allHighlights(db);
    expect(noted?.quote.exact).toBe('council');
    expect(taken?.quote).toEqual({ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' });
    expect(taken?.note).toBe('My note on taken');
    // The feed lists the takedown for a year: the next sync writes nothing again.
    const changedAt = taken?.changedAt;
    await storePage(db, { feedUrl: FEED_URL, ...next });
    expect((await allHighlights(db))[1]?.changedAt).toBe(changedAt);
  });
});

describe('retention over saved bodies', () => {
  it('keeps the newest N saved bodies in list order, skipping unsaved summaries', async () => {
    db = await openFolioDb();
    // Eight listed, five saved; two of the saved share a date, where the id orders them.
    const page = parsed([
      dated('h8', 8, []),
      dated('h7', 7, []),
      dated('h6b', 6, ['kept']),
      dated('h6a', 6, []),
      dated('h5', 5, []),
      dated('h4', 4, []),
      dated('h3', 3, []),
      dated('h2', 2, []),
    ]);
    await storePage(db, { feedUrl: FEED_URL, ...page });
    const byId = new Map(page.summaries.map((s) => [s.id, s]));
    const save = ['h7', 'h6b', 'h6a', 'h4', 'h2'].map((id) =>
      stored(byId.get(id) as ParsedSummary),
    );
    await storeArticles(db, save);
    await addBookmark(db, 'h2');

    const dropped = await applyRetention(
      db,
      {
        ...DEFAULT_STORAGE_SETTINGS,
        retention: 2,
        keepCategories: ['kept'],
      },
      imageOf,
    );

    // Newest first: h7 and h6a count (h6b is kept by category), h4 goes, h2 is bookmarked.
    expect(dropped.ids).toEqual(['h4']);
    expect(dropped.images).toEqual(['https://img.test/h4.jpg']);
    expect((await db.getAllKeys('articles')).sort()).toEqual(['h2', 'h6a', 'h6b', 'h7']);
    expect(await getSavedMark(db, 'h4')).toBeNull();
    expect(await getSavedMark(db, 'h8')).toBeNull();
    expect((await db.getAllKeys('saved')).sort()).toEqual(['h2', 'h6a', 'h6b', 'h7']);
    expect(await getSummary(db, 'h4')).toBeDefined();
  });

  it('prunes the oldest non-bookmarked bodies first, up to the count', async () => {
    db = await openFolioDb();
    const page = parsed([dated('c', 3, []), dated('b', 2, []), dated('a', 1, [])]);
    await storePage(db, { feedUrl: FEED_URL, ...page });
    await storeArticles(db, page.summaries.map(stored));
    await addBookmark(db, 'a');
    const dropped = await pruneOldest(db, 1, imageOf);
    expect(dropped.ids).toEqual(['b']);
    expect(dropped.images).toEqual(['https://img.test/b.jpg']);
    expect((await db.getAllKeys('articles')).sort()).toEqual(['a', 'c']);
    expect((await db.getAllKeys('saved')).sort()).toEqual(['a', 'c']);
  });
});
