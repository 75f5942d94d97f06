// Reads for the search index (src/lib/search/indexer.ts), which runs in a web worker: every
// summary and body, a hundred at a time, so neither side ever holds one huge getAll.
import type { FolioDB } from './open';
import { withMarks } from './saved-marks';
import type { ListedSummary, StoredArticle } from './schema';

/**
 * Summaries in key order after `after` (from the first when null), at most `count`, with their
 * saved marks: those of the batch's key range, read in the same transaction.
 */
export async function summariesAfter(
  db: FolioDB,
  after: string | null,
  count: number,
): Promise<ListedSummary[]> {
  const range = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
  const tx = db.transaction(['summaries', 'saved']);
  const summaries = await tx.objectStore('summaries').getAll(range, count);
  const listed = await withMarks(tx.objectStore('saved'), summaries, 'range');
  await tx.done;
  return listed;
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
