// How many transactions have deleted summaries, saved marks or bodies. The persisted search
// index records the count it reflects: while the count is unchanged, nothing the index refers to
// can have gone, and a loaded index answers without first listing every stored key (half a
// second at 50,000 articles in Chromium).
import type { FolioDB } from './open';
import type { DeletionsRecord, MetaRecord } from './schema';

/** The `meta` store of a read-write transaction, whatever else its scope holds. */
interface MetaStore {
  get(key: 'deletions'): Promise<MetaRecord | undefined>;
  put(record: MetaRecord): Promise<unknown>;
}

function countIn(record: MetaRecord | undefined): number {
  return record?.key === 'deletions' ? record.count : 0;
}

/** Counts one more deleting transaction: call it in that transaction. */
export async function countDeletion(meta: MetaStore): Promise<void> {
  const record: DeletionsRecord = {
    key: 'deletions',
    count: countIn(await meta.get('deletions')) + 1,
  };
  await meta.put(record);
}

export async function deletionCount(db: FolioDB): Promise<number> {
  return countIn(await db.get('meta', 'deletions'));
}
