import { getDb } from '../db';
import { announce } from './channel';
import { feedUrl } from './config';
import { runSync, type SyncOutcome } from './sync';

const LOCK = 'folio-sync';

/**
 * Runs one sync against the configured feed and announces what changed. The page and the
 * service worker both call this; a Web Lock keeps two of them from syncing at once, and the
 * one that finds the lock taken leaves it to the running sync, whose announcements reach it.
 */
export async function syncNow(): Promise<SyncOutcome | 'busy'> {
  const run = async (): Promise<SyncOutcome> => {
    const outcome = await runSync({
      db: await getDb(),
      feedUrl: feedUrl(),
      fetch: (input, init) => fetch(input, init),
      onProgress: () => announce({ type: 'sync-state' }),
    });
    announce({ type: 'content-changed' });
    return outcome;
  };
  const locks = globalThis.navigator?.locks;
  if (!locks) return run();
  const result = await locks.request(LOCK, { ifAvailable: true }, (lock) =>
    lock ? run() : ('busy' as const),
  );
  return result;
}
