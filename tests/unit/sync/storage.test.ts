import { afterEach, describe, expect, it } from 'vitest';
import {
  addBookmark,
  clearSaved,
  getSavedMark,
  getSyncRecord,
  openFolioDb,
  putStorageSettings,
  type FolioDB,
} from '../../../src/lib/db';
import { runSync } from '../../../src/lib/sync/sync';
import { bodyImages } from '../../../src/lib/sync/images';
import { FEED_URL, articleFor, indexPage, summaries, summary } from '../../fixtures/feed';
import { feedRoutes, stubNetwork } from '../../fixtures/network';

let db: FolioDB | undefined;
afterEach(() => db?.close());

type Json = Record<string, unknown>;

function network(entries: Json[]) {
  return stubNetwork(feedRoutes(indexPage(entries), entries.map(articleFor), FEED_URL));
}

async function savedIds(database: FolioDB): Promise<string[]> {
  return (await database.getAllKeys('articles')).sort();
}

/**
 * The storage edge when the disk is full: the transaction that writes article bodies throws
 * QuotaExceededError the first `failures` times; everything else is the real database.
 */
function fullDisk(real: FolioDB, failures: number): FolioDB {
  let left = failures;
  return new Proxy(real, {
    get(target, property) {
      if (property === 'transaction') {
        return (...args: Parameters<FolioDB['transaction']>) => {
          const [stores, mode] = args;
          // storeArticles' transaction: bodies and their saved marks (summaries, without `known`).
          const writesBodies =
            mode === 'readwrite' &&
            Array.isArray(stores) &&
            ['articles,saved', 'summaries,articles,saved'].includes(stores.join());
          if (writesBodies && left > 0) {
            left--;
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return target.transaction(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const newer = (id: string, hour: number) => {
  const date = new Date(Date.UTC(2026, 10, 2, hour)).toISOString();
  return summary(id, { published: date, updated: date });
};

describe('retention', () => {
  it('keeps the newest N bodies, plus bookmarked ones and kept categories', async () => {
    db = await openFolioDb();
    const entries = summaries(10);
    entries[6] = { ...entries[6], categories: ['top-news'] };
    const net = network(entries);
    await putStorageSettings(db, { retention: 'all' });
    await runSync({ db, feedUrl: FEED_URL, fetch: net.fetch });
    expect(await savedIds(db)).toHaveLength(10);

    await addBookmark(db, 'a9');
    await putStorageSettings(db, { retention: 3, keepCategories: ['top-news'] });
    const outcome = await runSync({ db, feedUrl: FEED_URL, fetch: net.fetch });

    expect(outcome.status).toBe('fresh');
    expect(await savedIds(db)).toEqual(['a1', 'a2', 'a3', 'a7', 'a9']);
    expect(await getSavedMark(db, 'a5')).toBeNull();
    expect(await getSavedMark(db, 'a7')).not.toBeNull();
  });

  it('makes sync save only as many bodies as the rule keeps', async () => {
    db = await openFolioDb();
    await putStorageSettings(db, { retention: 50 });
    const outcome = await runSync({ db, feedUrl: FEED_URL, fetch: network(summaries(60)).fetch });
    expect(outcome.saved).toBe(50);
    expect(await savedIds(db)).toHaveLength(50);
  });
});

describe('a full disk', () => {
  async function synced() {
    db = await openFolioDb();
    const old = summaries(8);
    await runSync({ db, feedUrl: FEED_URL, fetch: network(old).fetch });
    await addBookmark(db, 'a8');
    return [newer('n1', 1), newer('n2', 2), ...old];
  }

  it('prunes the oldest non-bookmarked bodies and retries once', async () => {
    const entries = await synced();
    const real = db as FolioDB;
    const outcome = await runSync({
      db: fullDisk(real, 1),
      feedUrl: FEED_URL,
      fetch: network(entries).fetch,
    });

    expect(outcome).toMatchObject({ status: 'fresh', error: null, saved: 2 });
    // Five bodies went, oldest first, skipping the bookmarked a8.
    expect(await savedIds(real)).toEqual(['a1', 'a2', 'a8', 'n1', 'n2']);
    expect(await getSavedMark(real, 'a7')).toBeNull();
  });

  it('ends with a storage error when the retry fails too, bookmarks intact', async () => {
    const entries = await synced();
    const real = db as FolioDB;
    const outcome = await runSync({
      db: fullDisk(real, 2),
      feedUrl: FEED_URL,
      fetch: network(entries).fetch,
    });

    expect(outcome.status).toBe('error');
    expect(outcome.error).toMatchObject({ kind: 'storage' });
    expect(outcome.error?.message).toMatch(/out of storage space/);
    const record = await getSyncRecord(real);
    expect(record.status).toBe('error');
    expect(record.error?.kind).toBe('storage');
    expect(await savedIds(real)).toContain('a8');
    expect(await real.get('bookmarks', 'a8')).toBeDefined();
  });
});

describe('clearSaved', () => {
  it('deletes every body but the bookmarked ones and marks summaries unsaved', async () => {
    db = await openFolioDb();
    await runSync({ db, feedUrl: FEED_URL, fetch: network(summaries(4)).fetch });
    await addBookmark(db, 'a2');

    const cleared = await clearSaved(db, bodyImages);

    expect(cleared.ids.sort()).toEqual(['a1', 'a3', 'a4']);
    expect(await savedIds(db)).toEqual(['a2']);
    expect(await getSavedMark(db, 'a1')).toBeNull();
    expect(await getSavedMark(db, 'a2')).not.toBeNull();
  });
});

describe('Save-Data', () => {
  async function withBookmark() {
    db = await openFolioDb();
    await addBookmark(db, 'a3');
    return db;
  }

  it('saves only bookmarked bodies when the rule says so and the connection saves data', async () => {
    const database = await withBookmark();
    await putStorageSettings(database, { download: 'not-on-save-data' });
    const outcome = await runSync({
      db: database,
      feedUrl: FEED_URL,
      fetch: network(summaries(5)).fetch,
      saveData: true,
    });
    expect(outcome).toMatchObject({ status: 'fresh', saved: 1 });
    expect(await savedIds(database)).toEqual(['a3']);
    expect(await getSavedMark(database, 'a1')).toBeNull();
  });

  it('reads Save-Data from the browser', async () => {
    const database = await withBookmark();
    await putStorageSettings(database, { download: 'not-on-save-data' });
    Object.defineProperty(navigator, 'connection', {
      configurable: true,
      value: { saveData: true },
    });
    try {
      await runSync({ db: database, feedUrl: FEED_URL, fetch: network(summaries(4)).fetch });
    } finally {
      Reflect.deleteProperty(navigator, 'connection');
    }
    expect(await savedIds(database)).toEqual(['a3']);
  });

  it('downloads everything when the reader chose always', async () => {
    const database = await withBookmark();
    await runSync({
      db: database,
      feedUrl: FEED_URL,
      fetch: network(summaries(4)).fetch,
      saveData: true,
    });
    expect(await savedIds(database)).toEqual(['a1', 'a2', 'a3', 'a4']);
  });
});
