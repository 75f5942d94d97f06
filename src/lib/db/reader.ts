import type { FolioDB } from './open';
import type { ReaderRecord } from './schema';

export const DEFAULT_READER: ReaderRecord = {
  key: 'reader',
  theme: 'system',
  textSize: 'medium',
  uiLang: null,
};

export async function getReaderChoices(db: FolioDB): Promise<ReaderRecord> {
  const record = await db.get('meta', 'reader');
  return record?.key === 'reader' ? { ...DEFAULT_READER, ...record } : { ...DEFAULT_READER };
}

/**
 * Changes some of the reader's choices, keeping the others, in one transaction; writes nothing
 * when they are already so (each start copies them).
 */
export async function putReaderChoices(
  db: FolioDB,
  change: Partial<Omit<ReaderRecord, 'key'>>,
): Promise<ReaderRecord> {
  const tx = db.transaction('meta', 'readwrite');
  const stored = await tx.store.get('reader');
  const current = { ...DEFAULT_READER, ...(stored?.key === 'reader' ? stored : {}) };
  const next: ReaderRecord = { ...current, ...change, key: 'reader' };
  const same = (Object.keys(change) as (keyof typeof change)[]).every(
    (name) => current[name] === next[name] && stored !== undefined,
  );
  await Promise.all([same ? undefined : tx.store.put(next), tx.done]);
  return next;
}
