import { afterEach, describe, expect, it } from 'vitest';
import {
  getArticle,
  getBookmark,
  getFeedMeta,
  getSummary,
  getSyncRecord,
  latestSummaries,
  openFolioDb,
  type FolioDB,
} from '../../../src/lib/db';
import { savedArticle as article, savedSummary as summary } from '../../fixtures/db-records';
import { createVersion1 } from '../../fixtures/db-v1';

let db: FolioDB | undefined;
afterEach(() => db?.close());

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

    expect(db.version).toBe(3);
    expect(await getSummary(db, 'saved')).toEqual(summary);
    expect((await latestSummaries(db, 10)).map((s) => s.id)).toEqual(['saved']);
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
      'meta',
      'outbox',
      'search',
      'summaries',
    ]);
  });
});
