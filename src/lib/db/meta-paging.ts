import type { FolioDB } from './open';
import type { PagingRecord, StoredSummary } from './schema';

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

/** The stored summaries of `ids`, in that order; ids no longer stored are left out. */
export async function summariesByIds(db: FolioDB, ids: string[]): Promise<StoredSummary[]> {
  const tx = db.transaction('summaries');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return found.filter((summary): summary is StoredSummary => summary !== undefined);
}
