// What Home's first screen is rendered from, read in one go from IndexedDB: by the service
// worker to render it, and written into the page so that the page renders the same.
import {
  bookmarkedIds,
  getFeedWithPaging,
  getSyncRecord,
  latestSummaries,
  type FeedMetaRecord,
  type FolioDB,
  type ListedSummary,
  type SyncRecord,
} from '../db';

export interface FirstScreenData {
  feed: FeedMetaRecord | null;
  latest: ListedSummary[];
  hasOlder: boolean;
  bookmarks: string[];
  sync: SyncRecord;
}

/** As many as the library reads at start-up (library.svelte.ts). */
const LATEST = 30;

export async function readFirstScreen(db: FolioDB): Promise<FirstScreenData> {
  const [{ feed, hasOlder }, latest, bookmarks, sync] = await Promise.all([
    getFeedWithPaging(db),
    latestSummaries(db, LATEST),
    bookmarkedIds(db),
    getSyncRecord(db),
  ]);
  return { feed: feed ?? null, latest, hasOlder, bookmarks: [...bookmarks], sync };
}
