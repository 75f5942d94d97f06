import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  getArticle,
  getBookmark,
  getSavedMark,
  getSummary,
  openFolioDb,
  type FolioDB,
} from '../../../src/lib/db';
import {
  bodiesAmong,
  dropSearchIndex,
  loadSearchIndex,
  saveSearchIndex,
  storedKeys,
} from '../../../src/lib/db/search-store';
import {
  savedArticle as article,
  savedSummary as summary,
  savedSummaryV4,
} from '../../fixtures/db-records';
import { createVersion1 } from '../../fixtures/db-v1';

let db: FolioDB | undefined;
afterEach(() => db?.close());

const outboxEntry = {
  id: 'c1',
  articleId: 'saved',
  createdAt: 3,
  state: 'queued',
  draft: { post: 7, author_name: 'A', author_email: 'a@example.org', content: 'Hi' },
};

/** Version 2 as it shipped: version 1 plus the outbox. */
async function createVersion2(): Promise<void> {
  (await createVersion1()).close();
  const v2 = await openDB('folio', 2, {
    upgrade(database) {
      database
        .createObjectStore('outbox', { keyPath: 'id' })
        .createIndex('by-created', 'createdAt');
    },
  });
  await v2.put('summaries', summary);
  await v2.put('articles', article);
  await v2.put('bookmarks', { id: 'saved', createdAt: 5, state: 'active', title: 'Saved' });
  await v2.put('outbox', outboxEntry);
  v2.close();
}

describe('upgrading a version-2 database', () => {
  it('keeps every record and adds an empty store for the search index', async () => {
    await createVersion2();
    db = await openFolioDb();
    expect(db.version).toBe(DB_VERSION);
    expect(await getSummary(db, 'saved')).toEqual(savedSummaryV4);
    expect(await getSavedMark(db, 'saved')).toBe(summary.saved);
    expect(await getArticle(db, 'saved')).toEqual(article);
    expect((await getBookmark(db, 'saved'))?.state).toBe('active');
    expect(await db.get('outbox', 'c1')).toEqual(outboxEntry);
    expect(await db.count('search')).toBe(0);
  });
});

describe('the persisted search index', () => {
  it('saves, loads back typed arrays intact, and drops', async () => {
    db = await openFolioDb();
    expect(await loadSearchIndex(db)).toBeUndefined();
    await saveSearchIndex(db, 4, { ids: Uint32Array.from([1, 5, 9]) }, 42);
    const record = await loadSearchIndex(db);
    expect(record).toMatchObject({ key: 'index', format: 4, savedAt: 42 });
    const ids = (record?.data as { ids: unknown }).ids;
    expect(Object.prototype.toString.call(ids)).toBe('[object Uint32Array]');
    expect(Array.from(ids as Uint32Array)).toEqual([1, 5, 9]);
    await dropSearchIndex(db);
    expect(await loadSearchIndex(db)).toBeUndefined();
  });

  it('lists the keys of stored summaries and saved marks, and which of some ids have bodies', async () => {
    db = await openFolioDb();
    await db.put('summaries', { ...summary, id: 'only-summary' } as never);
    await db.put('saved', summary.saved, 'marked');
    await db.put('articles', article as never);
    const keys = await storedKeys(db);
    expect([...keys.summaries]).toEqual(['only-summary']);
    expect([...keys.marked]).toEqual(['marked']);
    expect([...(await bodiesAmong(db, ['saved', 'only-summary', 'nowhere']))]).toEqual(['saved']);
  });
});
