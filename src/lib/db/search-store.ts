// The persisted search index: one record, written whole after a refresh changed the index (by
// the search worker, or by the service worker after a sync), read once when the search worker
// starts. Its `data` is parsed by the worker.
import type { FolioDB } from './open';
import type { SearchIndexRecord } from './schema';

export function loadSearchIndex(db: FolioDB): Promise<SearchIndexRecord | undefined> {
  return db.get('search', 'index');
}

export async function saveSearchIndex(
  db: FolioDB,
  format: number,
  data: unknown,
  savedAt = Date.now(),
): Promise<void> {
  await db.put('search', { key: 'index', format, savedAt, data });
}

/** Whether an index is stored, without reading it (it may be tens of megabytes). */
export async function hasSearchIndex(db: FolioDB): Promise<boolean> {
  return (await db.getKey('search', 'index')) !== undefined;
}

export function dropSearchIndex(db: FolioDB): Promise<void> {
  return db.delete('search', 'index');
}

/** Keys of every summary and every saved body: what the index may refer to, without values. */
export async function storedKeys(
  db: FolioDB,
): Promise<{ summaries: Set<string>; articles: Set<string> }> {
  const tx = db.transaction(['summaries', 'articles']);
  const [summaries, articles] = await Promise.all([
    tx.objectStore('summaries').getAllKeys(),
    tx.objectStore('articles').getAllKeys(),
  ]);
  await tx.done;
  return { summaries: new Set(summaries), articles: new Set(articles) };
}
