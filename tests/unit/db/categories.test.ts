import { afterEach, describe, expect, it } from 'vitest';
import {
  categoryCounts,
  openFolioDb,
  storePage,
  summariesInCategories,
  type FolioDB,
} from '../../../src/lib/db';
import { parseIndexPage } from '../../../src/lib/feed';
import { FEED_URL, indexPage, summary } from '../../fixtures/feed';

let db: FolioDB | undefined;
afterEach(() => db?.close());

async function seeded(): Promise<FolioDB> {
  db = await openFolioDb();
  const at = (hour: number) => `2026-11-01T${String(hour).padStart(2, '0')}:00:00Z`;
  const entries = [
    ['p1', 1, ['political']],
    ['t2', 2, ['top-news']],
    ['both3', 3, ['political', 'top-news']],
    ['e4', 4, ['europe']],
    ['p5', 5, ['political', 'political']],
  ] as const;
  const page = parseIndexPage(
    indexPage(
      entries.map(([id, hour, categories]) =>
        summary(id, { published: at(hour), updated: at(hour), categories: [...categories] }),
      ),
    ),
    { label: 'index.json', url: FEED_URL },
  );
  await storePage(db, { feedUrl: FEED_URL, ...page });
  return db;
}

describe('category queries', () => {
  it('counts saved articles per category, a repeated category once', async () => {
    const counts = await categoryCounts(await seeded(), [
      'political',
      'top-news',
      'europe',
      'none',
    ]);
    expect(Object.fromEntries(counts)).toEqual({ political: 3, 'top-news': 2, europe: 1, none: 0 });
  });

  it('lists articles in any of several categories, newest first, each once', async () => {
    const ids = (await summariesInCategories(await seeded(), ['top-news', 'europe'], 10)).map(
      (s) => s.id,
    );
    expect(ids).toEqual(['e4', 'both3', 't2']);
  });

  it('keeps only the newest `limit` across the picked categories', async () => {
    const database = await seeded();
    const ids = (await summariesInCategories(database, ['political', 'top-news'], 2)).map(
      (s) => s.id,
    );
    expect(ids).toEqual(['p5', 'both3']);
  });
});
