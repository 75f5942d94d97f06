import {
  fetchJsonIfChanged,
  nextTask,
  type FeedProblem,
  type FetchLike,
  type Language,
  type ParsedPage,
  type Validators,
} from '../feed';
import { parseIndexPageSliced } from '../feed/parse-page';
import { getFeedMeta, storePage, type FolioDB, type ListedSummary, type PagingRecord } from '../db';
import { putPaging, summariesByIds } from '../db/meta-paging';

/** The paging state once a changed first page is stored. */
export function firstPageStored(
  paging: PagingRecord,
  page: ParsedPage,
  validators: Validators,
  stored: ListedSummary[],
): PagingRecord {
  const older = paging.older.reduce((sum, entry) => sum + entry.count, 0);
  return {
    ...paging,
    validators: { ...paging.validators, [paging.feedUrl]: validators },
    firstIds: stored.map((summary) => summary.id),
    removed: page.removed,
    purged: page.purged,
    stored: stored.length + older,
    // With no older page stored yet, the stored part of the feed ends where the first page does.
    oldestNext: paging.older.length === 0 ? page.next : paging.oldestNext,
  };
}

export interface FirstPage {
  /** The first page's summaries as stored, newest first, with their saved marks. */
  first: ListedSummary[];
  languages: Language[];
  /** The first page answered 304: nothing of the feed changed since the last sync. */
  unchanged: boolean;
  paging: PagingRecord;
  /** The page's own problems, when it was read again; null when it was unchanged. */
  problems: FeedProblem[] | null;
}

/**
 * Asks for the first page (conditionally: an unchanged feed costs one small request) and stores
 * its summaries with `removed` and `purged` applied; unchanged, reads the stored ones instead.
 * Throws what stops the sync. `onStoreMs` gets the time spent writing the page.
 */
export async function readFirstPage(
  db: FolioDB,
  feedUrl: string,
  request: { fetch: FetchLike; label: string; timeoutMs: number },
  paging: PagingRecord,
  onStoreMs: (ms: number) => void,
): Promise<FirstPage> {
  const meta = await getFeedMeta(db);
  // Validators only stand for what is stored: without the feed's metadata, read it all again.
  const known = meta ? (paging.validators[feedUrl] ?? {}) : {};
  const index = await fetchJsonIfChanged(feedUrl, request, known);
  if (index.status === 'unchanged' && meta) {
    // An earlier sync may have been cut: the bodies it still owes come from stored summaries.
    const first = await summariesByIds(db, paging.firstIds);
    return { first, languages: meta.languages, unchanged: true, paging, problems: null };
  }
  if (index.status !== 'changed') {
    throw new Error('the server answered 304 to an unconditional request');
  }
  await nextTask();
  const page = await parseIndexPageSliced(index.data, { label: request.label, url: index.url });
  const storing = performance.now();
  const first = await storePage(db, { feedUrl, ...page });
  // The new articles' summaries are part of storing them.
  onStoreMs(performance.now() - storing);
  const next = firstPageStored(paging, page, index.validators, first);
  await putPaging(db, next);
  return {
    first,
    languages: page.info?.languages ?? [],
    unchanged: false,
    paging: next,
    problems: page.problems,
  };
}
