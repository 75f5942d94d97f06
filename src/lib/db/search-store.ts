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

/**
 * Keys of every summary and of every saved mark (the bodies of listed articles, saved-marks.ts):
 * what the index may refer to, without values. Not the bodies' own keys: listing those took a
 * second at 50,000 articles in Chromium, whose store reads past each body to the next key.
 */
export async function storedKeys(
  db: FolioDB,
): Promise<{ summaries: Set<string>; marked: Set<string> }> {
  const tx = db.transaction(['summaries', 'saved']);
  const [summaries, marked] = await Promise.all([
    tx.objectStore('summaries').getAllKeys(),
    tx.objectStore('saved').getAllKeys(),
  ]);
  await tx.done;
  return { summaries: new Set(summaries), marked: new Set(marked) };
}

/** Which of `ids` have a saved body, read one key at a time: for a few ids only. */
export async function bodiesAmong(db: FolioDB, ids: readonly string[]): Promise<Set<string>> {
  const tx = db.transaction('articles');
  const found = await Promise.all(ids.map((id) => tx.store.getKey(id)));
  await tx.done;
  return new Set(found.filter((id): id is string => id !== undefined));
}
