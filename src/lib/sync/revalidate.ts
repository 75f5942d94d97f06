import { FeedError, feedRootOf, fetchJsonIfChanged, fileLabel, nextTask } from '../feed';
import { parseIndexPageSliced } from '../feed/parse-page';
import { storePage, type PagingRecord } from '../db';
import { putPaging } from '../db/meta-paging';
import { asProblem } from './article-file';
import {
  fetchBodies,
  owedBodies,
  emptyResult,
  type PagesResult,
  type PagingContext,
} from './paging';

/**
 * Asks for each stored older page again, conditionally: a page that did not change costs one
 * small request; a changed one is stored again (only summaries whose `updated` is newer win) and
 * its changed bodies that the retention rule keeps are fetched. Run when the first page changed,
 * since that page's `updated` moves whenever any file of the feed does.
 */
export async function revalidateOlder(
  context: PagingContext,
  start: PagingRecord,
): Promise<PagesResult> {
  let paging = start;
  const root = feedRootOf(context.feedUrl);
  const result = emptyResult('more');
  let offset = paging.firstIds.length;
  for (const [position, entry] of paging.older.entries()) {
    const label = fileLabel(entry.url, root);
    try {
      const file = await fetchJsonIfChanged(
        entry.url,
        { fetch: context.fetch, label, timeoutMs: context.timeoutMs },
        paging.validators[entry.url] ?? {},
      );
      if (file.status === 'unchanged') {
        offset += entry.count;
        continue;
      }
      await nextTask();
      const page = await parseIndexPageSliced(file.data, {
        label,
        url: file.url,
        languages: context.languages,
      });
      const stored = await storePage(context.db, {
        feedUrl: context.feedUrl,
        updated: page.updated,
        summaries: page.summaries,
        removed: [],
        purged: [],
        skip: new Set([...paging.removed, ...paging.purged]),
      });
      const older = paging.older.map((known, index) =>
        index === position ? { url: known.url, count: stored.length } : known,
      );
      const last = position === paging.older.length - 1;
      paging = {
        ...paging,
        older,
        validators: { ...paging.validators, [entry.url]: file.validators },
        stored: paging.stored - entry.count + stored.length,
        // The oldest stored page may have gained a `next` since it was read.
        oldestNext: last && paging.oldestNext === null ? page.next : paging.oldestNext,
      };
      await putPaging(context.db, paging);
      result.pages++;
      result.summaries += stored.length;
      result.problems.push(...page.problems);
      const bodies = await fetchBodies(owedBodies(stored, offset, context), context);
      offset += stored.length;
      result.saved += bodies.saved;
      result.problems.push(...bodies.problems);
      result.images.push(...bodies.images);
      if (bodies.failure) return { ...result, status: 'error', failure: bodies.failure };
    } catch (error) {
      const found = asProblem(error, error instanceof FeedError ? error.problem.file : label);
      if (found.kind === 'offline' || found.kind === 'storage') {
        return {
          ...result,
          status: found.kind === 'offline' ? 'offline' : 'error',
          failure: found,
        };
      }
      // One broken archive page: what is stored of it stays, and it is asked for again next time.
      result.problems.push(found);
    }
  }
  return result;
}
