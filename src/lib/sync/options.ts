import type { FetchLike } from '../feed';
import type { FolioDB, SyncRecord } from '../db';
import { SYNC_DEFAULTS } from './defaults';

/**
 * The parts of a sync the bench times apart. 'store' is the time spent in write transactions for
 * the first page's summaries and the bodies (so it overlaps 'index' and 'bodies').
 */
export type SyncPhase = 'index' | 'bodies' | 'store' | 'older';

export type SyncTimings = Record<SyncPhase | 'total', number>;

export interface SyncOptions {
  db: FolioDB;
  /** Absolute address of the feed's index.json. */
  feedUrl: string;
  fetch: FetchLike;
  /** How many of the newest articles get their full body saved; else the stored rule. */
  maxArticles?: number;
  timeoutMs?: number;
  concurrency?: number;
  /** Most articles written per transaction (fewer when their bodies are large). */
  batchSize?: number;
  now?: () => number;
  /** Whether the connection asks to save data; read from the browser when absent. */
  saveData?: boolean;
  /** Save older pages in the background; the reader's stored setting when absent. */
  crawl?: boolean;
  /** Most summaries the background crawl stores (the first page's included). */
  crawlCap?: number;
  /** Called after each change of the stored sync state, so callers can announce it. */
  onProgress?: (record: SyncRecord) => void;
  /** Called as each phase ends, with its milliseconds. */
  onPhase?: (phase: SyncPhase, ms: number) => void;
}

export type SyncOutcome = Pick<SyncRecord, 'status' | 'error' | 'problems'> & {
  /** Article bodies this run saved. */
  saved: number;
  /** The first page answered 304: nothing of the feed changed since the last sync. */
  unchanged: boolean;
  timings: SyncTimings;
};

export type Tunables = { -readonly [K in keyof typeof SYNC_DEFAULTS]: number };

export const noTimings = (): SyncTimings => ({ index: 0, bodies: 0, store: 0, older: 0, total: 0 });

/** The options that override a default, without the ones left undefined. */
export function definedOnly(options: SyncOptions): Partial<Tunables> {
  const picked: Partial<Tunables> = {};
  for (const key of Object.keys(SYNC_DEFAULTS) as (keyof Tunables)[]) {
    const value = options[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}
