export {
  closeDb,
  getDb,
  onConnectionStatus,
  openFolioDb,
  type ConnectionStatus,
  type FolioDB,
} from './open';
export * from './queries';
export * from './categories';
export * from './bookmarks';
export * from './writes';
export * from './storage';
export * from './reader';
export type * from './schema';
export { DB_NAME, DB_VERSION } from './schema';
export * from './outbox';
export { getFeedWithPaging } from './meta-paging';
export * from './reads';
export * from './highlights';
export * from './kept';
