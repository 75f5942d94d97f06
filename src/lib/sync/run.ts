import { getDb } from '../db';
import { announce } from '../channel';
import { feedUrl } from './config';
import { loadOlderPage } from './older';
import type { PagesResult } from './paging';
import { runSync, type SyncOutcome } from './sync';

const LOCK = 'folio-sync';

/**
 * Runs one sync against the configured feed and announces what changed. The page and the
 * service worker both call this; a Web Lock keeps two of them from syncing at once. A request
 * made while a sync runs waits and runs after it, since the running one may have started before
 * whatever prompted the request (the network coming back, a retry); a request made while one
 * already waits is covered by that one.
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
  const { pending = [] } = await locks.query();
  if (pending.some((lock) => lock.name === LOCK)) return 'busy';
  return locks.request(LOCK, run);
}

/**
 * Loads the next older page of the feed ("Load older"), under the same lock as a sync, so it
 * never interleaves with one (it waits for a running sync, which may itself store that page).
 */
export async function loadOlderNow(): Promise<PagesResult> {
  const run = async (): Promise<PagesResult> => {
    const result = await loadOlderPage({
      db: await getDb(),
      feedUrl: feedUrl(),
      fetch: (input, init) => fetch(input, init),
    });
    announce({ type: 'content-changed' });
    return result;
  };
  const locks = globalThis.navigator?.locks;
  return locks ? locks.request(LOCK, run) : run();
}
