import { getDb, putReaderChoices, type ReaderRecord } from '../db';

/**
 * Copies a display choice to IndexedDB for the service worker (see ReaderRecord). Best effort:
 * localStorage stays the page's own record, so a failed copy costs only the worker's view.
 */
export function copyForWorker(change: Partial<Omit<ReaderRecord, 'key'>>): Promise<void> {
  return getDb()
    .then((db) => putReaderChoices(db, change))
    .then(
      () => undefined,
      (error: unknown) => console.warn('Choice not copied for the worker', error),
    );
}
