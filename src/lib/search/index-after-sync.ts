// The service worker keeps the persisted search index in step with what its syncs store, so
// the first search after a large sync loads an index instead of building one in front of the
// reader. The worker's index stays in memory while the worker lives, so syncs close together
// reconcile it rather than reload it.
import type { FolioDB } from '../db';
import { hasSearchIndex } from '../db/search-store';
import { SearchService } from './service';

/** Held while the index is brought up to date, so that others (the bench) can wait for it. */
export const INDEX_LOCK = 'folio-index';

let service: SearchService | null = null;

/**
 * Brings the persisted index up to date after a sync. A sync that stored nothing (the first page
 * answered 304, or the network was down) leaves an existing index alone; a missing one is built
 * whatever the feed did.
 */
export async function indexAfterSync(
  db: () => Promise<FolioDB>,
  feedChanged: boolean,
): Promise<void> {
  const run = async (): Promise<void> => {
    // Nothing stored: the index in memory, or the saved one, is as current as it was. Every page
    // that opens asks for a sync; offline, reconciling here walked all the saved summaries while
    // the reader searched (bench figure 6a).
    if (!feedChanged && (service !== null || (await hasSearchIndex(await db())))) return;
    service ??= new SearchService(db);
    await service.refresh();
  };
  try {
    const locks = globalThis.navigator?.locks;
    await (locks ? locks.request(INDEX_LOCK, run) : run());
  } catch (error) {
    // Search then builds or reconciles the index itself when the reader first uses it.
    console.error('Could not update the search index after a sync', error);
  }
}
