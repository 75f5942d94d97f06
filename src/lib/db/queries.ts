import type { FolioDB } from './open';
import { newestPage } from './list-queries';
import type {
  Bookmark,
  FeedMetaRecord,
  ListedSummary,
  StoredArticle,
  StoredSummary,
  SyncRecord,
} from './schema';

export const EMPTY_SYNC: SyncRecord = {
  key: 'sync',
  status: 'idle',
  startedAt: null,
  finishedAt: null,
  lastSuccessAt: null,
  progress: null,
  error: null,
  problems: [],
};

export async function getFeedMeta(db: FolioDB): Promise<FeedMetaRecord | undefined> {
  const record = await db.get('meta', 'feed');
  return record?.key === 'feed' ? record : undefined;
}

export async function getSyncRecord(db: FolioDB): Promise<SyncRecord> {
  const record = await db.get('meta', 'sync');
  return record?.key === 'sync' ? record : EMPTY_SYNC;
}

export async function putSyncRecord(db: FolioDB, record: SyncRecord): Promise<void> {
  await db.put('meta', record);
}

/** Newest first, walking the date index: only `limit` records are read. */
export async function latestSummaries(db: FolioDB, limit: number): Promise<ListedSummary[]> {
  // One getAllRecords request where the browser has it: a cursor costs a round trip per record.
  return (await newestPage(db, null, limit)).items;
}

/** The summary record alone; whether its body is saved is getSavedMark's. */
export function getSummary(db: FolioDB, id: string): Promise<StoredSummary | undefined> {
  return db.get('summaries', id);
}

/** `updated` of the saved full article `id`, or null when its body is not saved. */
export async function getSavedMark(db: FolioDB, id: string): Promise<string | null> {
  return (await db.get('saved', id)) ?? null;
}

export function getArticle(db: FolioDB, id: string): Promise<StoredArticle | undefined> {
  return db.get('articles', id);
}

export function countSummaries(db: FolioDB): Promise<number> {
  return db.count('summaries');
}

export function getBookmark(db: FolioDB, id: string): Promise<Bookmark | undefined> {
  return db.get('bookmarks', id);
}
