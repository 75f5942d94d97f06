import { changeChoices, readChoices } from './meta-record';
import type { FolioDB } from './open';
import type { ReaderRecord } from './schema';

export const DEFAULT_READER: ReaderRecord = {
  key: 'reader',
  theme: 'system',
  textSize: 'medium',
  uiLang: null,
};

export function getReaderChoices(db: FolioDB): Promise<ReaderRecord> {
  return readChoices(db, DEFAULT_READER);
}

/** Changes some of the reader's choices, keeping the others (each start copies them). */
export function putReaderChoices(
  db: FolioDB,
  change: Partial<Omit<ReaderRecord, 'key'>>,
): Promise<ReaderRecord> {
  return changeChoices(db, DEFAULT_READER, change);
}
