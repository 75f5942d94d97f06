import type { FolioDB } from './open';
import { withMarks } from './saved-marks';
import type { ListedSummary, PagingRecord, StoredSummary } from './schema';

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

/** The paging state of `feedUrl`; another feed's state (the address changed) counts as none. */
export async function getPaging(db: FolioDB, feedUrl: string): Promise<PagingRecord> {
  const record = await db.get('meta', 'paging');
  return record?.key === 'paging' && record.feedUrl === feedUrl ? record : emptyPaging(feedUrl);
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
