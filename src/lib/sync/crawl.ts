import type { CrawlProgress } from '../db';
import { loadOlderPages } from './older';
import { pagingOf, emptyResult, type PagesResult, type PagingContext } from './paging';

/**
 * Saves older pages' summaries (and the bodies the retention rule keeps) until the feed's last
 * page or `cap` summaries, reporting progress after each page. Resumes where the stored part of
 * the feed ends, so a crawl cut by a closed tab or a lost network goes on at the next sync.
 */
export async function crawlOlder(
  context: PagingContext,
  cap: number,
  report: (progress: CrawlProgress) => Promise<void>,
): Promise<PagesResult> {
  const start = await pagingOf(context);
  const progressOf = (paging: typeof start, state: CrawlProgress['state']): CrawlProgress => {
    const pages = 1 + paging.older.length;
    return {
      state,
      pages,
      totalPages: paging.oldestNext === null ? pages : null,
      summaries: paging.stored,
      cap,
    };
  };
  const idle = emptyResult('done');
  if (start.oldestNext === null) {
    await report(progressOf(start, 'done'));
    return idle;
  }
  if (start.stored >= cap) {
    await report(progressOf(start, 'capped'));
    return { ...idle, status: 'more' };
  }
  await report(progressOf(start, 'running'));
  const result = await loadOlderPages(context, {
    maxPages: Infinity,
    enough: (paging) => paging.stored >= cap,
    onPage: (paging) => report(progressOf(paging, 'running')),
  });
  const end = await pagingOf(context);
  const state =
    result.failure !== null
      ? 'stopped'
      : end.oldestNext === null
        ? 'done'
        : end.stored >= cap
          ? 'capped'
          : 'running';
  await report(progressOf(end, state));
  return result;
}
