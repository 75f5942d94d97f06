import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import App from '../../../src/App.svelte';
import {
  DB_VERSION,
  getArticle,
  getBookmark,
  getDb,
  getFeedMeta,
  getSavedMark,
  getStorageSettings,
  getSummary,
  getSyncRecord,
  latestSummaries,
  openFolioDb,
  type FolioDB,
} from '../../../src/lib/db';
import { library } from '../../../src/lib/state/library.svelte';
import {
  published,
  savedArticle as article,
  savedSummary as summary,
  savedSummaryV4,
  unsavedSummary,
} from '../../fixtures/db-records';
import { createVersion1 } from '../../fixtures/db-v1';
import { createVersion3 } from '../../fixtures/db-v3';
import { networkDown } from '../../fixtures/network';
// Its afterEach unmounts what a test rendered and closes the app's shared connection.
import '../../component/helpers';

let db: FolioDB | undefined;
afterEach(() => db?.close());

// Home is a chunk of its own: compiled on first import, which alone can outlast a test's wait.
beforeAll(() => import('../../../src/routes/Home.svelte'), 30_000);

const withdrawnCopy = {
  ...article,
  id: 'gone',
  translations: { en: { title: 'Gone', body: 'x' } },
};
const feedMeta = {
  key: 'feed',
  feedUrl: 'https://feed.example/content/index.json',
  updated: '2026-11-20T10:00:00Z',
  site: { title: { en: 'Site' } },
  languages: [{ code: 'en', name: 'English', dir: 'ltr' }],
  defaultLanguage: 'en',
  categories: [{ id: 'political', name: { en: 'Political' } }],
};
const syncRecord = {
  key: 'sync',
  status: 'fresh',
  startedAt: 10,
  finishedAt: 20,
  lastSuccessAt: 20,
  progress: null,
  error: null,
  problems: [],
};

describe('upgrading a version-1 database', () => {
  it('keeps every summary, article, bookmark and meta record and adds the outbox', async () => {
    const v1 = await createVersion1();
    await v1.put('summaries', summary);
    await v1.put('articles', article);
    await v1.put('articles', withdrawnCopy);
    await v1.put('bookmarks', { id: 'saved', createdAt: 5, state: 'active', title: 'Saved' });
    await v1.put('bookmarks', { id: 'gone', createdAt: 6, state: 'withdrawn', title: 'Gone' });
    await v1.put('bookmarks', { id: 'taken', createdAt: 7, state: 'purged', title: 'Taken' });
    await v1.put('meta', feedMeta);
    await v1.put('meta', syncRecord);
    v1.close();

    db = await openFolioDb();

    expect(db.version).toBe(DB_VERSION);
    // The saved mark moved out of the summary into its own store; lists read it joined.
    expect(await getSummary(db, 'saved')).toEqual(savedSummaryV4);
    expect(await getSavedMark(db, 'saved')).toBe(summary.saved);
    expect(await latestSummaries(db, 10)).toEqual([summary]);
    expect(await getArticle(db, 'saved')).toEqual(article);
    expect(await getArticle(db, 'gone')).toEqual(withdrawnCopy);
    expect(await getBookmark(db, 'saved')).toEqual({
      id: 'saved',
      createdAt: 5,
      state: 'active',
      title: 'Saved',
    });
    expect((await getBookmark(db, 'gone'))?.state).toBe('withdrawn');
    expect((await getBookmark(db, 'taken'))?.state).toBe('purged');
    expect(await db.countFromIndex('bookmarks', 'by-created', 7)).toBe(1);
    expect(await getFeedMeta(db)).toEqual(feedMeta);
    expect(await getSyncRecord(db)).toEqual(syncRecord);

    expect([...db.objectStoreNames]).toContain('outbox');
    expect([...db.transaction('outbox').store.indexNames]).toEqual(['by-created']);
    expect(await db.count('outbox')).toBe(0);
  });

  it('upgrades an empty version-1 database too', async () => {
    (await createVersion1()).close();
    db = await openFolioDb();
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
  });
});

const settings = {
  key: 'settings',
  retention: 50,
  keepCategories: ['political'],
  download: 'not-on-save-data',
  crawlOlder: true,
};
const searchIndex = { key: 'index', format: 4, savedAt: 9, data: { ids: [1, 2] } };

/** A version-3 database: one saved and one unsaved summary, a bookmark, settings, an index. */
async function createFilledVersion3(): Promise<void> {
  const v3 = await createVersion3();
  await v3.put('summaries', summary);
  await v3.put('summaries', unsavedSummary);
  await v3.put('articles', article);
  await v3.put('articles', withdrawnCopy);
  await v3.put('bookmarks', { id: 'saved', createdAt: 5, state: 'active', title: 'Saved' });
  await v3.put('bookmarks', { id: 'gone', createdAt: 6, state: 'withdrawn', title: 'Gone' });
  await v3.put('meta', feedMeta);
  await v3.put('meta', syncRecord);
  await v3.put('meta', settings);
  await v3.put('search', searchIndex);
  v3.close();
}

describe('upgrading a version-3 database', () => {
  it('moves every saved mark to the saved store and keeps everything else', async () => {
    await createFilledVersion3();
    db = await openFolioDb();

    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAllKeys('saved')).toEqual(['saved']);
    expect(await getSavedMark(db, 'saved')).toBe(published);
    expect(await getSavedMark(db, 'unsaved')).toBeNull();
    // The saved summary is written again without its mark; nothing else about it changes.
    expect(await getSummary(db, 'saved')).toEqual(savedSummaryV4);
    expect((await getSummary(db, 'unsaved'))?.translations).toEqual(unsavedSummary.translations);
    // Lists see the same summaries as before the upgrade, indexes included.
    expect(await latestSummaries(db, 10)).toEqual([unsavedSummary, summary]);
    expect(
      await db.countFromIndex('summaries', 'by-category', IDBKeyRange.lowerBound(['political'])),
    ).toBe(2);
    expect(await getArticle(db, 'saved')).toEqual(article);
    expect(await getArticle(db, 'gone')).toEqual(withdrawnCopy);
    expect(await getBookmark(db, 'saved')).toEqual({
      id: 'saved',
      createdAt: 5,
      state: 'active',
      title: 'Saved',
    });
    expect((await getBookmark(db, 'gone'))?.state).toBe('withdrawn');
    expect(await getStorageSettings(db)).toEqual(settings);
    expect(await getFeedMeta(db)).toEqual(feedMeta);
    expect(await getSyncRecord(db)).toEqual(syncRecord);
    expect(await db.get('search', 'index')).toEqual(searchIndex);
  });

  it('still marks only the unsaved card as not saved for offline', async () => {
    vi.stubGlobal('fetch', networkDown);
    try {
      await createFilledVersion3();
      // The app's own connection runs the upgrade.
      await library.refresh();
      expect((await getDb()).version).toBe(DB_VERSION);
      render(App);
      const saved = within(await screen.findByRole('article', { name: 'Saved article' }));
      const unsaved = within(screen.getByRole('article', { name: 'Unsaved article' }));
      // The migrated saved-state survives: only the card whose body never came is marked.
      expect(unsaved.getByText('Not saved for offline yet')).toBeInTheDocument();
      expect(saved.queryByText('Not saved for offline yet')).not.toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
