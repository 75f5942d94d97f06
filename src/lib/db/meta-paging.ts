import type { FolioDB } from './open';
import { getFeedMeta } from './queries';
import { withMarks } from './saved-marks';
import type {
  FeedMetaRecord,
  ListedSummary,
  MetaRecord,
  PagingRecord,
  StoredSummary,
} from './schema';

export function emptyPaging(feedUrl: string): PagingRecord {
  return {
    key: 'paging',
    feedUrl,
    validators: {},
    firstIds: [],
    older: [],
    oldestNext: null,
    stored: 0,
    removed: [],
    purged: [],
  };
}

/** Another feed's paging state (the address changed) counts as none. */
function pagingOf(record: MetaRecord | undefined, feedUrl: string): PagingRecord | null {
  return record?.key === 'paging' && record.feedUrl === feedUrl ? record : null;
}

/** The paging state of `feedUrl`. */
export async function getPaging(db: FolioDB, feedUrl: string): Promise<PagingRecord> {
  return pagingOf(await db.get('meta', 'paging'), feedUrl) ?? emptyPaging(feedUrl);
}

/** The stored feed's metadata, and whether it has older pages than those stored. */
export async function getFeedWithPaging(
  db: FolioDB,
): Promise<{ feed: FeedMetaRecord | undefined; hasOlder: boolean }> {
  // Side by side: each IndexedDB request is a round trip, and Home reads this at start-up.
  const [feed, record] = await Promise.all([getFeedMeta(db), db.get('meta', 'paging')]);
  const paging = feed ? pagingOf(record, feed.feedUrl) : null;
  return { feed, hasOlder: paging !== null && paging.oldestNext !== null };
}

export async function putPaging(db: FolioDB, record: PagingRecord): Promise<void> {
  await db.put('meta', record);
}

/**
 * The stored summaries of `ids`, in that order, with their saved marks; ids no longer stored are
 * left out.
 */
export async function summariesByIds(db: FolioDB, ids: string[]): Promise<ListedSummary[]> {
  const tx = db.transaction(['summaries', 'saved']);
  const summaries = tx.objectStore('summaries');
  const found = await Promise.all(ids.map((id) => summaries.get(id)));
  const stored = found.filter((summary): summary is StoredSummary => summary !== undefined);
  const listed = await withMarks(tx.objectStore('saved'), stored, 'auto');
  await tx.done;
  return listed;
}
