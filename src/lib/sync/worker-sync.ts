// The service worker's sync. Pages search through their own worker, which reconciles the index
// when a reader searches; with no page open, only the service worker can keep the persisted
// index in step, so that the first search after a large background sync loads an index
// instead of building one in front of the reader.
import { getDb } from '../db';
import { indexAfterSync } from '../search/index-after-sync';
import { syncNow } from './run';

/** A sync, then the persisted search index brought up to date with what it stored. */
export async function syncAndIndex(): Promise<void> {
  const outcome = await syncNow();
  if (outcome === 'busy') return;
  // A failed sync may still have stored part of the feed before the network went.
  const stored = outcome.status === 'fresh' || outcome.saved > 0;
  await indexAfterSync(getDb, stored && !outcome.unchanged);
}
