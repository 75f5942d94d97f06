export { closeDb, getDb, openFolioDb, type FolioDB } from './open';
export * from './queries';
export * from './categories';
export * from './bookmarks';
export * from './writes';
export type * from './schema';
export { DB_NAME, DB_VERSION } from './schema';
