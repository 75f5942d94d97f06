import { articleImageUrls } from '../feed/images';
import type { FolioDB } from './open';
import type { Retention, StorageSettingsRecord } from './schema';

export const RETENTION_CHOICES: readonly Retention[] = [50, 100, 200, 500, 'all'];

export const DEFAULT_STORAGE_SETTINGS: StorageSettingsRecord = {
  key: 'settings',
  retention: 200,
  keepCategories: [],
  download: 'always',
};

export async function getStorageSettings(db: FolioDB): Promise<StorageSettingsRecord> {
  const record = await db.get('meta', 'settings');
  // Fields added later are missing from older records: the defaults fill them.
  return record?.key === 'settings'
    ? { ...DEFAULT_STORAGE_SETTINGS, ...record }
    : { ...DEFAULT_STORAGE_SETTINGS };
}

export async function putStorageSettings(
  db: FolioDB,
  change: Partial<Omit<StorageSettingsRecord, 'key'>>,
): Promise<StorageSettingsRecord> {
  const tx = db.transaction('meta', 'readwrite');
  const stored = await tx.store.get('settings');
  const current = { ...DEFAULT_STORAGE_SETTINGS, ...(stored?.key === 'settings' ? stored : {}) };
  const next: StorageSettingsRecord = { ...current, ...change, key: 'settings' };
  await Promise.all([tx.store.put(next), tx.done]);
  return next;
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

/**
 * Deletes the bodies of saved articles that `keep` rejects, walking summaries in date order,
 * and marks their summaries unsaved, in one transaction. Bookmarked bodies are never touched.
 */
async function dropBodies(
  db: FolioDB,
  direction: 'next' | 'prev',
  keep: Keep,
  limit = Infinity,
): Promise<Dropped> {
  const tx = db.transaction(['summaries', 'articles', 'bookmarks'], 'readwrite');
  const bookmarked = new Set(await tx.objectStore('bookmarks').getAllKeys());
  const articles = tx.objectStore('articles');
  const dropped: string[] = [];
  const images = new Set<string>();
  let cursor = await tx.objectStore('summaries').index('by-published').openCursor(null, direction);
  while (cursor && dropped.length < limit) {
    const summary = cursor.value;
    if (summary.saved !== null && !bookmarked.has(summary.id)) {
      if (!keep(summary)) {
        const body = await articles.get(summary.id);
        if (body) for (const url of articleImageUrls(body, body.url)) images.add(url);
        await articles.delete(summary.id);
        await cursor.update({ ...summary, saved: null });
        dropped.push(summary.id);
      }
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return { ids: dropped, images: [...images] };
}

/** Keeps the newest `retention` bodies, plus bookmarked ones and those in kept categories. */
export function applyRetention(db: FolioDB, settings: StorageSettingsRecord): Promise<Dropped> {
  const { retention, keepCategories } = settings;
  if (retention === 'all') return Promise.resolve({ ids: [], images: [] });
  const kept = new Set(keepCategories);
  let newest = 0;
  // Kept categories come on top of the newest N, so they do not use up its count.
  return dropBodies(db, 'prev', (summary) => {
    if (summary.categories.some((category) => kept.has(category))) return true;
    newest++;
    return newest <= retention;
  });
}

/** Frees room when storage is full: the oldest non-bookmarked bodies go first. */
export function pruneOldest(db: FolioDB, count: number): Promise<Dropped> {
  return dropBodies(db, 'next', () => false, count);
}

/** Deletes every saved body but the bookmarked ones, in one transaction. */
export function clearSaved(db: FolioDB): Promise<Dropped> {
  return dropBodies(db, 'next', () => false);
}
