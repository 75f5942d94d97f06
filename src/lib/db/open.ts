import {
  openDB,
  type IDBPDatabase,
  type IDBPTransaction,
  type OpenDBCallbacks,
  type StoreNames,
} from 'idb';
import { DB_NAME, DB_VERSION, type FolioSchema, type StoredSummary } from './schema';

export type FolioDB = IDBPDatabase<FolioSchema>;

/**
 * The shared connection's life, for the page to explain itself:
 * 'blocked' — another tab holds an older version open, so the upgrade waits;
 * 'outdated' — another tab opened a newer version, so this one closed and must reload;
 * 'lost' — the browser closed the connection (storage cleared); the next use reopens it.
 */
export type ConnectionStatus = 'connecting' | 'open' | 'blocked' | 'outdated' | 'lost';

type Hooks = Pick<OpenDBCallbacks<FolioSchema>, 'blocked' | 'blocking' | 'terminated'>;

/**
 * Opens the database, running every migration step the stored version has not had yet.
 * Each step is `if (oldVersion < N)` so that a database from any earlier release upgrades in order.
 */
export function openFolioDb(name = DB_NAME, hooks: Hooks = {}): Promise<FolioDB> {
  return openDB<FolioSchema>(name, DB_VERSION, {
    ...hooks,
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const summaries = db.createObjectStore('summaries', { keyPath: 'id' });
        summaries.createIndex('by-published', 'publishedMs');
        summaries.createIndex('by-category', 'categoryKeys', { multiEntry: true });
        db.createObjectStore('articles', { keyPath: 'id' });
        const bookmarks = db.createObjectStore('bookmarks', { keyPath: 'id' });
        bookmarks.createIndex('by-created', 'createdAt');
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('by-created', 'createdAt');
      }
      if (oldVersion < 3) {
        db.createObjectStore('search', { keyPath: 'key' });
      }
      if (oldVersion < 4) {
        // Out-of-line keys: the article id; values: the saved article's `updated`.
        db.createObjectStore('saved');
        // A new database has no summaries to move marks out of.
        if (oldVersion >= 1) void moveSavedMarks(transaction);
      }
      if (oldVersion < 5) {
        const reads = db.createObjectStore('reads', { keyPath: 'id' });
        reads.createIndex('by-category', 'countedIn', { multiEntry: true });
        const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
        highlights.createIndex('by-article', 'articleId');
        highlights.createIndex('by-created', 'createdAt');
      }
    },
  });
}

type UpgradeTransaction = IDBPTransaction<FolioSchema, StoreNames<FolioSchema>[], 'versionchange'>;

/** A summary as versions 1 to 3 stored it: with its saved mark inside. */
type VersionThreeSummary = StoredSummary & { saved?: string | null };

/**
 * Version 4: every summary's saved mark moves to the `saved` store, and the summaries that had
 * one are written again without it (those with `saved: null` keep the field, which every read
 * overrides: rewriting them would cost a write per listed article). It runs in the upgrade
 * transaction and waits on nothing but its requests, so the database opens only once it is done;
 * any failure aborts the upgrade, and the database stays at its old version.
 */
async function moveSavedMarks(tx: UpgradeTransaction): Promise<void> {
  const marks = tx.objectStore('saved');
  const writes: Promise<unknown>[] = [];
  try {
    let cursor = await tx.objectStore('summaries').openCursor();
    while (cursor) {
      const { saved, ...summary } = cursor.value as VersionThreeSummary;
      if (typeof saved === 'string') {
        for (const write of [marks.put(saved, summary.id), cursor.update(summary)]) {
          // Handled here so that a failure is not reported twice; Promise.all below sees it.
          write.catch(() => undefined);
          writes.push(write);
        }
      }
      cursor = await cursor.continue();
    }
    await Promise.all(writes);
  } catch (error) {
    console.error('Could not move saved marks out of the summaries', error);
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
  }
}

let shared: Promise<FolioDB> | null = null;
let status: ConnectionStatus = 'connecting';
const listeners = new Set<(status: ConnectionStatus) => void>();

function report(next: ConnectionStatus): void {
  status = next;
  for (const listener of listeners) listener(next);
}

/** Calls `listener` with the current status and every change; returns the unsubscribe. */
export function onConnectionStatus(listener: (status: ConnectionStatus) => void): () => void {
  listeners.add(listener);
  listener(status);
  return () => listeners.delete(listener);
}

/** The page's (or worker's) one connection, opened on first use. */
export function getDb(): Promise<FolioDB> {
  if (shared) return shared;
  if (status !== 'outdated') report('connecting');
  const opening = openFolioDb(DB_NAME, {
    blocked: () => report('blocked'),
    // A newer version waits for every old connection to close: close at once so it never hangs.
    blocking: (_current, _next, event) => {
      (event.target as IDBDatabase).close();
      if (shared === opening) shared = null;
      report('outdated');
    },
    terminated: () => {
      if (shared === opening) shared = null;
      report('lost');
    },
  });
  shared = opening;
  opening.then(
    () => {
      if (shared === opening) report('open');
    },
    (error: unknown) => {
      // A failed open (a newer version elsewhere, storage gone) must not be cached for ever.
      if (shared === opening) shared = null;
      // This code is older than the stored database (a newer release ran in another tab).
      if (error instanceof DOMException && error.name === 'VersionError') report('outdated');
    },
  );
  return opening;
}

/** Closes the shared connection; the next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const current = shared;
  shared = null;
  status = 'connecting';
  if (current) (await current).close();
}
