import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type FolioSchema } from './schema';

export type FolioDB = IDBPDatabase<FolioSchema>;

/**
 * Opens the database, running every migration step the stored version has not had yet.
 * Each step is `if (oldVersion < N)` so that a database from any earlier release upgrades in order.
 */
export function openFolioDb(name = DB_NAME): Promise<FolioDB> {
  return openDB<FolioSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const summaries = db.createObjectStore('summaries', { keyPath: 'id' });
        summaries.createIndex('by-published', 'publishedMs');
        summaries.createIndex('by-category', 'categoryKeys', { multiEntry: true });
        db.createObjectStore('articles', { keyPath: 'id' });
        const bookmarks = db.createObjectStore('bookmarks', { keyPath: 'id' });
        bookmarks.createIndex('by-created', 'createdAt');
        db.createObjectStore('meta', { keyPath: 'key' });
      }
    },
  });
}

let shared: Promise<FolioDB> | null = null;

/** The page's (or worker's) one connection, opened on first use. */
export function getDb(): Promise<FolioDB> {
  shared ??= openFolioDb();
  return shared;
}

/** Closes the shared connection; the next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const current = shared;
  shared = null;
  if (current) (await current).close();
}
