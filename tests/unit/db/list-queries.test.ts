import { afterEach, describe, expect, it } from 'vitest';
import { openFolioDb, type FolioDB, type StoredSummary } from '../../../src/lib/db';
import {
  categoriesPage,
  newestInCategory,
  newestPage,
  type ListKey,
  type ListPage,
  type ReadStrategy,
} from '../../../src/lib/db/list-queries';

let db: FolioDB | undefined;
afterEach(() => db?.close());

const HOUR = 3600_000;
const BASE = Date.parse('2026-11-01T00:00:00Z');

/** A stored summary as sync writes it: `categoryKeys` pairs each category with the date. */
function stored(id: string, hour: number, categories: string[]): StoredSummary {
  const publishedMs = BASE + hour * HOUR;
  const published = new Date(publishedMs).toISOString();
  return {
    id,
    href: `https://feed.example/content/articles/${id}.json`,
    published,
    updated: published,
    categories,
    translations: { en: { title: `Title ${id}` } },
    publishedMs,
    categoryKeys: [...new Set(categories)].map((category) => [category, publishedMs]),
  };
}

async function seeded(summaries: StoredSummary[]): Promise<FolioDB> {
  db = await openFolioDb();
  const tx = db.transaction('summaries', 'readwrite');
  await Promise.all([...summaries.map((summary) => tx.store.put(summary)), tx.done]);
  return db;
}

type Reader = (after: ListKey | null, limit: number) => Promise<ListPage>;

/** Reads a whole list page by page, each page continuing after the previous one's key. */
async function readAll(read: Reader, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: ListKey | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await read(after, limit);
    pages.push(page.items.map((summary) => summary.id));
    if (page.next === null) return pages;
    after = page.next;
  }
  throw new Error('the pages never ended');
}

// Hours 0..9; "tie-*" share hour 5 with each other and with "p5".
const fixture = () => [
  stored('p0', 0, ['political']),
  stored('t1', 1, ['top-news']),
  stored('both2', 2, ['political', 'top-news']),
  stored('e3', 3, ['europe']),
  stored('p4', 4, ['political', 'political']),
  stored('tie-a', 5, ['top-news']),
  stored('p5', 5, ['political']),
  stored('tie-c', 5, ['political', 'top-news']),
  stored('tie-b', 5, ['europe']),
  stored('t6', 6, ['top-news']),
  stored('both7', 7, ['top-news', 'political']),
  stored('e8', 8, ['europe']),
];

// Newest first; on the tied hour, ids descending (how a 'prev' cursor walks an index).
const NEWEST_FIRST = [
  'e8',
  'both7',
  't6',
  'tie-c',
  'tie-b',
  'tie-a',
  'p5',
  'p4',
  'e3',
  'both2',
  't1',
  'p0',
];

describe.each<ReadStrategy>(['records', 'cursor'])('list queries (%s)', (strategy) => {
  it('pages the newest first by key, ties on one date kept in a stable order', async () => {
    const database = await seeded(fixture());
    const pages = await readAll((after, limit) => newestPage(database, after, limit, strategy), 3);
    expect(pages).toEqual([
      ['e8', 'both7', 't6'],
      ['tie-c', 'tie-b', 'tie-a'],
      ['p5', 'p4', 'e3'],
      ['both2', 't1', 'p0'],
      [],
    ]);
  });

  it('continues inside a run of equal dates without losing or repeating any', async () => {
    const database = await seeded(fixture());
    for (const limit of [1, 2, 4, 5, 7, 11, 12, 50]) {
      const pages = await readAll(
        (after, size) => newestPage(database, after, size, strategy),
        limit,
      );
      expect(pages.flat()).toEqual(NEWEST_FIRST);
      expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
    }
  });

  it('continues after a key whose article has since gone', async () => {
    const database = await seeded(fixture());
    const page = await newestPage(database, { publishedMs: BASE + 5 * HOUR, id: 'tie-bb' }, 3);
    expect(page.items.map((s) => s.id)).toEqual(['tie-b', 'tie-a', 'p5']);
  });

  it('reads one category newest first through the category index', async () => {
    const database = await seeded(fixture());
    const pages = await readAll(
      (after, limit) => categoriesPage(database, ['political'], after, limit, strategy),
      2,
    );
    expect(pages).toEqual([['both7', 'tie-c'], ['p5', 'p4'], ['both2', 'p0'], []]);
  });

  it('merges several categories newest first, an article in two of them once', async () => {
    const database = await seeded(fixture());
    const everything = await readAll(
      (after, limit) => categoriesPage(database, ['top-news', 'political'], after, limit, strategy),
      3,
    );
    expect(everything).toEqual([
      ['both7', 't6', 'tie-c'],
      ['tie-a', 'p5', 'p4'],
      ['both2', 't1', 'p0'],
      [],
    ]);
    for (const limit of [1, 2, 4, 5, 20]) {
      const pages = await readAll(
        (after, size) => categoriesPage(database, ['europe', 'top-news'], after, size, strategy),
        limit,
      );
      expect(pages.flat()).toEqual([
        'e8',
        'both7',
        't6',
        'tie-c',
        'tie-b',
        'tie-a',
        'e3',
        'both2',
        't1',
      ]);
    }
  });
});

describe('saved marks on list items', () => {
  it('joins each item to its mark in the saved store, null where none', async () => {
    const database = await seeded(fixture());
    await database.put('saved', 'v-both7', 'both7');
    await database.put('saved', 'v-p0', 'p0');
    const marks = (items: ListPage['items']) => items.map((s) => [s.id, s.saved]);
    expect(marks((await newestPage(database, null, 2)).items)).toEqual([
      ['e8', null],
      ['both7', 'v-both7'],
    ]);
    expect(marks((await newestPage(database, null, 2, 'cursor')).items)).toEqual([
      ['e8', null],
      ['both7', 'v-both7'],
    ]);
    const political = await categoriesPage(database, ['political', 'europe'], null, 20);
    expect(marks(political.items).filter(([, saved]) => saved !== null)).toEqual([
      ['both7', 'v-both7'],
      ['p0', 'v-p0'],
    ]);
    expect((await newestInCategory(database, 'top-news', 1))[0]?.saved).toBe('v-both7');
  });
});

describe('newest of one category', () => {
  it('returns the newest `limit` of the category only', async () => {
    const database = await seeded(fixture());
    const ids = (await newestInCategory(database, 'europe', 2)).map((s) => s.id);
    expect(ids).toEqual(['e8', 'tie-b']);
    expect(await newestInCategory(database, 'nothing', 20)).toEqual([]);
  });

  it('reads no further than the page asks, in a large store', async () => {
    const many = Array.from({ length: 1500 }, (_, i) =>
      stored(`a${String(i).padStart(4, '0')}`, i, i % 3 === 0 ? ['rare'] : ['common']),
    );
    const database = await seeded(many);
    const page = await categoriesPage(database, ['rare', 'common'], null, 20);
    expect(page.items.map((s) => s.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `a${String(1499 - i).padStart(4, '0')}`),
    );
    expect(page.next).toEqual({ publishedMs: BASE + 1480 * HOUR, id: 'a1480' });
  });
});
