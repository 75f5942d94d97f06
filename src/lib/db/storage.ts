import { countDeletion } from './deletions';
import { changeChoices, readChoices } from './meta-record';
import type { FolioDB } from './open';
import type { Retention, StorageSettingsRecord, StoredArticle, StoredSummary } from './schema';

export const RETENTION_CHOICES: readonly Retention[] = [50, 100, 200, 500, 'all'];

export const DEFAULT_STORAGE_SETTINGS: StorageSettingsRecord = {
  key: 'settings',
  retention: 200,
  keepCategories: [],
  download: 'always',
};

export function getStorageSettings(db: FolioDB): Promise<StorageSettingsRecord> {
  return readChoices(db, DEFAULT_STORAGE_SETTINGS);
}

export function putStorageSettings(
  db: FolioDB,
  change: Partial<Omit<StorageSettingsRecord, 'key'>>,
): Promise<StorageSettingsRecord> {
  return changeChoices(db, DEFAULT_STORAGE_SETTINGS, change);
}

/** Articles whose full body is saved on this device. */
export function countSaved(db: FolioDB): Promise<number> {
  return db.count('articles');
}

/** What a prune took: the articles, and their image addresses, whose cached copies can go too. */
export interface Dropped {
  ids: string[];
  images: string[];
}

type Keep = (summary: { id: string; categories: string[] }) => boolean;

/** The image addresses of a body: the sync layer knows how to read them, storage does not. */
export type ImagesOf = (body: StoredArticle) => string[];

/**
 * Deletes the bodies of saved articles that `keep` rejects, in date order (newest first for
 * 'prev'), with their saved marks, in one transaction. Bookmarked and highlighted bodies are never touched. It
 * reads the saved marks' keys and their summaries only, never every summary: the cost follows
 * what is saved, not how much of the feed is listed.
 */
async function dropBodies(
  db: FolioDB,
  direction: 'next' | 'prev',
  keep: Keep,
  imagesOf: ImagesOf,
  limit = Infinity,
): Promise<Dropped> {
  const tx = db.transaction(
    ['summaries', 'articles', 'bookmarks', 'highlights', 'saved', 'meta'],
    'readwrite',
  );
  const summaries = tx.objectStore('summaries');
  const articles = tx.objectStore('articles');
  const marks = tx.objectStore('saved');
  const [bookmarkKeys, highlights, savedKeys] = await Promise.all([
    tx.objectStore('bookmarks').getAllKeys(),
    tx.objectStore('highlights').getAll(),
    marks.getAllKeys(),
  ]);
  // A highlighted article keeps its text as a bookmarked one does: its passages are in it.
  const kept = new Set([
    ...bookmarkKeys,
    ...highlights.filter((highlight) => highlight.deletedAt === null).map((h) => h.articleId),
  ]);
  const candidates = savedKeys.filter((id) => !kept.has(id));
  const found = await Promise.all(candidates.map((id) => summaries.get(id)));
  // A body without a mark, or a mark whose summary is gone, is not this walk's to judge.
  const saved = found.filter((summary): summary is StoredSummary => summary !== undefined);
  // The by-published index's order: date, then id; 'prev' walks it backwards.
  const sign = direction === 'next' ? 1 : -1;
  saved.sort(
    (a, b) => sign * (a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  );
  const dropped: string[] = [];
  const images = new Set<string>();
  for (const summary of saved) {
    if (dropped.length >= limit) break;
    if (keep(summary)) continue;
    const body = await articles.get(summary.id);
    if (body) for (const url of imagesOf(body)) images.add(url);
    // The body goes first: a mark must never be the only trace of a body gone.
    await articles.delete(summary.id);
    await marks.delete(summary.id);
    dropped.push(summary.id);
  }
  if (dropped.length > 0) await countDeletion(tx.objectStore('meta'));
  await tx.done;
  return { ids: dropped, images: [...images] };
}

/** Keeps the newest `retention` bodies, plus bookmarked, highlighted and kept categories' ones. */
export function applyRetention(
  db: FolioDB,
  settings: StorageSettingsRecord,
  imagesOf: ImagesOf,
): Promise<Dropped> {
  const { retention, keepCategories } = settings;
  if (retention === 'all') return Promise.resolve({ ids: [], images: [] });
  const kept = new Set(keepCategories);
  let newest = 0;
  // Kept categories come on top of the newest N, so they do not use up its count.
  return dropBodies(
    db,
    'prev',
    (summary) => {
      if (summary.categories.some((category) => kept.has(category))) return true;
      newest++;
      return newest <= retention;
    },
    imagesOf,
  );
}

/** Frees room when storage is full: the oldest bodies neither bookmarked nor highlighted go first. */
export function pruneOldest(db: FolioDB, count: number, imagesOf: ImagesOf): Promise<Dropped> {
  return dropBodies(db, 'next', () => false, imagesOf, count);
}

/** Deletes every saved body but the bookmarked and highlighted ones, in one transaction. */
export function clearSaved(db: FolioDB, imagesOf: ImagesOf): Promise<Dropped> {
  return dropBodies(db, 'next', () => false, imagesOf);
}
