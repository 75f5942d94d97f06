export { listen, announce, type SyncMessage } from '../channel';
export { feedUrl } from './config';
export { syncNow } from './run';
export { runSync, SYNC_DEFAULTS, type SyncOptions, type SyncOutcome } from './sync';
