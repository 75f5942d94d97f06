import { bodyImages, dropImages } from './images';
import {
  applyRetention,
  pruneOldest,
  storeArticles,
  type Dropped,
  type FolioDB,
  type StorageSettingsRecord,
  type StoredArticle,
  type StoredSummary,
} from '../db';

/** Bodies freed before the one retry: at least as many as the batch brings. */
const PRUNE_AT_LEAST = 5;

export function isQuotaError(error: unknown): boolean {
  return (
    (error instanceof DOMException || error instanceof Error) && error.name === 'QuotaExceededError'
  );
}

/**
 * Stores a batch; when storage is full, frees the oldest non-bookmarked bodies and tries once
 * more. A second failure is thrown: the caller ends the sync with a storage problem.
 */
export async function storeWithRoom(
  db: FolioDB,
  batch: StoredArticle[],
  known?: ReadonlyMap<string, StoredSummary>,
): Promise<void> {
  try {
    await storeArticles(db, batch, known);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    const dropped = await pruneOldest(db, Math.max(PRUNE_AT_LEAST, batch.length), bodyImages);
    await dropImages(dropped.images);
    // The prune deleted some saved marks; what is known of the batch's own is unchanged.
    await storeArticles(db, batch, known);
  }
}

/** How many of the first page's articles get their body saved, by the reader's retention rule. */
export function bodyLimit(settings: StorageSettingsRecord): number {
  return settings.retention === 'all' ? Infinity : settings.retention;
}

/** The Network Information API; Chromium only, and not in TypeScript's lib. */
interface NetworkInformation {
  saveData?: boolean;
  type?: string;
}

/** Whether the reader asked to save data (Save-Data), or the connection is cellular (metered). */
export function dataSaverOn(): boolean {
  const connection = (globalThis.navigator as { connection?: NetworkInformation } | undefined)
    ?.connection;
  return connection?.saveData === true || connection?.type === 'cellular';
}

/**
 * The first page's articles whose bodies this sync saves: the newest `limit` and those in kept
 * categories, unless the connection saves data; bookmarked ones always keep their full text.
 */
export function bodyCandidates<T extends { id: string; categories: string[] }>(
  summaries: T[],
  rule: {
    storage: StorageSettingsRecord;
    bookmarked: Set<string>;
    limit: number;
    saveData: boolean;
  },
): T[] {
  const { storage, bookmarked, limit } = rule;
  const onlyBookmarks = storage.download === 'not-on-save-data' && rule.saveData;
  return summaries.filter(
    (summary, index) =>
      bookmarked.has(summary.id) ||
      (!onlyBookmarks &&
        (index < limit ||
          summary.categories.some((category) => storage.keepCategories.includes(category)))),
  );
}

/** Retention after a sync; a failure here costs nothing saved, so it never fails the sync. */
export async function retainAfterSync(
  db: FolioDB,
  settings: StorageSettingsRecord,
): Promise<Dropped> {
  try {
    const dropped = await applyRetention(db, settings, bodyImages);
    await dropImages(dropped.images);
    return dropped;
  } catch (error) {
    console.warn('Retention pruning failed', error);
    return { ids: [], images: [] };
  }
}
