// What Home's first screen is rendered from, read in one go from IndexedDB by the service
// worker, and written into the page beside the markup so that the page renders the same.
import {
  bookmarkedIds,
  getFeedWithPaging,
  getReaderChoices,
  getSyncRecord,
  latestSummaries,
  type FeedMetaRecord,
  type FolioDB,
  type ListedSummary,
  type ReaderRecord,
  type SyncRecord,
} from '../db';
import { LATEST_LIMIT } from '../state/library.svelte';

export interface FirstScreenData {
  feed: FeedMetaRecord | null;
  latest: ListedSummary[];
  hasOlder: boolean;
  bookmarks: string[];
  sync: SyncRecord;
  reader: ReaderRecord;
}

export async function readFirstScreen(db: FolioDB): Promise<FirstScreenData> {
  const [{ feed, hasOlder }, latest, bookmarks, sync, reader] = await Promise.all([
    getFeedWithPaging(db),
    latestSummaries(db, LATEST_LIMIT),
    bookmarkedIds(db),
    getSyncRecord(db),
    getReaderChoices(db),
  ]);
  return { feed: feed ?? null, latest, hasOlder, bookmarks: [...bookmarks], sync, reader };
}
