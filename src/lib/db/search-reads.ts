// Reads for the search index (src/lib/search/indexer.ts), which runs in a web worker: every
// summary and body, a hundred at a time, so neither side ever holds one huge getAll.
import type { FolioDB } from './open';
import type { StoredArticle, StoredSummary } from './schema';

/** Summaries in key order after `after` (from the first when null), at most `count`. */
export function summariesAfter(
  db: FolioDB,
  after: string | null,
  count: number,
): Promise<StoredSummary[]> {
  const range = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
  return db.getAll('summaries', range, count);
}

/** Saved articles whose ids lie between `first` and `last`, both included. */
export function articlesBetween(
  db: FolioDB,
  first: string,
  last: string,
): Promise<StoredArticle[]> {
  return db.getAll('articles', IDBKeyRange.bound(first, last));
}

/** The saved articles among `ids` (a few; missing ones are left out), in one transaction. */
export async function articlesByIds(db: FolioDB, ids: string[]): Promise<StoredArticle[]> {
  const tx = db.transaction('articles');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return found.filter((article): article is StoredArticle => article !== undefined);
}

/** Every saved article's id: keys only, no bodies. */
export function articleIds(db: FolioDB): Promise<string[]> {
  return db.getAllKeys('articles');
}
