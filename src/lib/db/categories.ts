import type { FolioDB } from './open';
import { withMarks } from './saved-marks';
import type { ListedSummary, StoredSummary } from './schema';

const rangeOf = (category: string) =>
  IDBKeyRange.bound([category, -Infinity], [category, Infinity]);

/** Saved articles per category, counted in the category index without reading a record. */
export async function categoryCounts(db: FolioDB, ids: string[]): Promise<Map<string, number>> {
  const index = db.transaction('summaries').store.index('by-category');
  const counts = await Promise.all(ids.map((id) => index.count(rangeOf(id))));
  return new Map(ids.map((id, i) => [id, counts[i] ?? 0]));
}

/**
 * The newest `limit` articles in any of `categories`: the newest `limit` of each through the
 * category index, merged. Reads at most `limit` records per category, never the whole store.
 */
export async function summariesInCategories(
  db: FolioDB,
  categories: string[],
  limit: number,
): Promise<ListedSummary[]> {
  const tx = db.transaction(['summaries', 'saved']);
  const index = tx.objectStore('summaries').index('by-category');
  const lists = await Promise.all(
    categories.map(async (category) => {
      const found: StoredSummary[] = [];
      let cursor = await index.openCursor(rangeOf(category), 'prev');
      while (cursor && found.length < limit) {
        found.push(cursor.value);
        cursor = await cursor.continue();
      }
      return found;
    }),
  );
  const byId = new Map(lists.flat().map((summary) => [summary.id, summary]));
  const newest = [...byId.values()].sort((a, b) => b.publishedMs - a.publishedMs).slice(0, limit);
  return withMarks(tx.objectStore('saved'), newest);
}
