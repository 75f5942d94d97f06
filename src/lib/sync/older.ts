import {
  FeedError,
  feedRootOf,
  fileLabel,
  problem,
  readPages,
  type FeedProblem,
  type FetchLike,
} from '../feed';
import {
  getFeedMeta,
  getStorageSettings,
  keptForReader,
  type FolioDB,
  type PagingRecord,
} from '../db';
import { putPaging } from '../db/meta-paging';
import { asProblem } from './article-file';
import { cacheImages } from './images';
import { SYNC_DEFAULTS } from './defaults';
import { bodyLimit, dataSaverOn } from './storage-guard';
import {
  fetchBodies,
  owedBodies,
  pagingOf,
  emptyResult,
  storeOlderPage,
  type PagesResult,
  type PagingContext,
} from './paging';

export interface OlderOptions {
  /** Pages to read at most in this call. */
  maxPages: number;
  /** Asked before each further page: true stops (the crawl's cap). */
  enough?: (paging: PagingRecord) => boolean;
  /** After each page is stored, bodies included. */
  onPage?: (paging: PagingRecord, result: PagesResult) => Promise<void> | void;
}

/**
 * Reads older pages of the feed, from where the stored part ends: stores their summaries and
 * the bodies the retention rule keeps. A `next` link back to a page already stored ends the
 * feed there, reported as a problem; a broken page leaves everything stored before intact and
 * is tried again next time.
 */
export async function loadOlderPages(
  context: PagingContext,
  options: OlderOptions,
): Promise<PagesResult> {
  let paging = await pagingOf(context);
  const result = emptyResult('more');
  const start = paging.oldestNext;
  if (start === null) return { ...result, status: 'done' };

  let loop = null as FeedProblem | null;
  const root = feedRootOf(context.feedUrl);
  const visited = new Set([context.feedUrl, ...paging.older.map((entry) => entry.url)]);
  const pages = readPages(start, {
    fetch: context.fetch,
    timeoutMs: context.timeoutMs,
    maxPages: options.maxPages,
    languages: context.languages,
    root,
    visited,
    onLoop: (found) => {
      loop = found.problem;
    },
  });
  try {
    for await (const page of pages) {
      const offset = paging.stored;
      visited.add(page.url);
      if (page.next !== null && visited.has(page.next)) {
        loop = loopProblem(page.label, page.next, root);
        page.next = null;
      }
      const step = await storeOlderPage(context.db, paging, page);
      paging = step.paging;
      result.pages++;
      result.summaries += step.stored.length;
      result.problems.push(...page.problems);
      const bodies = await fetchBodies(owedBodies(step.stored, offset, context), context);
      result.saved += bodies.saved;
      result.problems.push(...bodies.problems);
      result.images.push(...bodies.images);
      if (bodies.failure) return end(result, bodies.failure);
      if (paging.oldestNext === null) result.status = 'done';
      await options.onPage?.(paging, result);
      if (loop || options.enough?.(paging)) break;
    }
  } catch (error) {
    const label = error instanceof FeedError ? error.problem.file : fileLabel(start, root);
    return end(result, asProblem(error, label));
  }
  if (loop) {
    // The feed ends where it loops: what was read stays, and nothing older is asked for again.
    if (paging.oldestNext !== null) await putPaging(context.db, { ...paging, oldestNext: null });
    result.problems.push(loop);
    result.status = 'done';
  }
  return result;
}

function loopProblem(from: string, to: string, root: string): FeedProblem {
  return problem(
    'invalid',
    from,
    `links back to ${fileLabel(to, root)}, which was already read; older pages stop here`,
    { field: 'next' },
  );
}

function end(result: PagesResult, failure: FeedProblem): PagesResult {
  return { ...result, status: failure.kind === 'offline' ? 'offline' : 'error', failure };
}

export interface LoadOlderOptions {
  db: FolioDB;
  feedUrl: string;
  fetch: FetchLike;
  timeoutMs?: number;
  saveData?: boolean;
}

/**
 * "Load older": reads the next older page, with the same tunables and retention rule as a sync.
 * Never rejects; a feed never synced has nothing older to load yet.
 */
export async function loadOlderPage(options: LoadOlderOptions): Promise<PagesResult> {
  const { db, feedUrl } = options;
  const root = feedRootOf(feedUrl);
  try {
    const [meta, storage, bookmarked] = await Promise.all([
      getFeedMeta(db),
      getStorageSettings(db),
      keptForReader(db),
    ]);
    const result = await loadOlderPages(
      {
        db,
        feedUrl,
        fetch: options.fetch,
        root,
        languages: meta?.languages ?? [],
        timeoutMs: options.timeoutMs ?? SYNC_DEFAULTS.timeoutMs,
        concurrency: SYNC_DEFAULTS.concurrency,
        batchSize: SYNC_DEFAULTS.batchSize,
        now: Date.now,
        storage,
        bookmarked,
        limit: bodyLimit(storage),
        saveData: options.saveData ?? dataSaverOn(),
      },
      { maxPages: 1 },
    );
    if (result.failure === null) await cacheImages(result.images, options.fetch);
    return result;
  } catch (error) {
    return end(emptyResult('more'), asProblem(error, fileLabel(feedUrl, root)));
  }
}
