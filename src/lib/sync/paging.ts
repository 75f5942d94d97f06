import type { FeedProblem, Language } from '../feed';
import { getPaging, putPaging } from '../db/meta-paging';
import {
  storePage,
  type FolioDB,
  type PagingRecord,
  type ListedSummary,
  type StorageSettingsRecord,
} from '../db';
import type { ReadPage } from '../feed/pages';
import { saveBodies, type BodiesResult, type BodyRun } from './bodies';
import { bodyCandidates } from './storage-guard';

/** What storing pages and their bodies needs, in the sync and in "Load older" alike. */
export interface PagingContext extends Omit<BodyRun, 'onStored' | 'languages'> {
  feedUrl: string;
  languages: Language[];
  storage: StorageSettingsRecord;
  bookmarked: Set<string>;
  /** Bodies saved for the newest this many summaries of the feed (the retention rule). */
  limit: number;
  saveData: boolean;
}

/**
 * Which of `summaries` (as stored, newest first, with their saved marks) get their body fetched
 * now: the retention rule applied as if the `offset` newer summaries came first, and only where
 * the saved body is missing or older than the summary.
 */
export function owedBodies(
  summaries: ListedSummary[],
  offset: number,
  context: PagingContext,
): ListedSummary[] {
  return bodyCandidates(summaries, {
    storage: context.storage,
    bookmarked: context.bookmarked,
    limit: Math.max(0, context.limit - offset),
    saveData: context.saveData,
  }).filter((summary) => summary.saved !== summary.updated);
}

export function fetchBodies(
  wanted: ListedSummary[],
  context: PagingContext,
  onStored?: BodyRun['onStored'],
): Promise<BodiesResult> {
  return saveBodies(wanted, { ...context, onStored });
}

/**
 * Stores an older page: its summaries (never an id the first page removed or purged, and never
 * over a newer copy) and where the stored part of the feed now ends. Returns what was stored.
 */
export async function storeOlderPage(
  db: FolioDB,
  paging: PagingRecord,
  page: ReadPage,
): Promise<{ paging: PagingRecord; stored: ListedSummary[] }> {
  const stored = await storePage(db, {
    feedUrl: paging.feedUrl,
    updated: page.updated,
    summaries: page.summaries,
    removed: [],
    purged: [],
    skip: new Set([...paging.removed, ...paging.purged]),
  });
  const others = paging.older.filter((entry) => entry.url !== page.url);
  const next: PagingRecord = {
    ...paging,
    validators: { ...paging.validators, [page.url]: page.validators },
    older: [...others, { url: page.url, count: stored.length }],
    oldestNext: page.next,
    stored: paging.stored + stored.length,
  };
  await putPaging(db, next);
  return { paging: next, stored };
}

export function emptyResult(status: PagesResult['status']): PagesResult {
  return { status, pages: 0, summaries: 0, saved: 0, problems: [], failure: null, images: [] };
}

/** Reads the current paging state of the context's feed. */
export function pagingOf(context: Pick<PagingContext, 'db' | 'feedUrl'>): Promise<PagingRecord> {
  return getPaging(context.db, context.feedUrl);
}

export interface PagesResult {
  /** 'more': older pages remain; 'done': the feed's last page is stored (or a loop ended it). */
  status: 'more' | 'done' | 'offline' | 'error';
  pages: number;
  summaries: number;
  saved: number;
  problems: FeedProblem[];
  /** What stopped it, for 'offline' and 'error'. */
  failure: FeedProblem | null;
  images: string[];
}
