import type { FeedProblem } from '../feed';
import type { CrawlProgress, PagingRecord } from '../db';
import { crawlOlder } from './crawl';
import type { PagingContext } from './paging';
import { revalidateOlder } from './revalidate';

export interface OlderOutcome {
  saved: number;
  failure: FeedProblem | null;
  problems: FeedProblem[];
  images: string[];
}

/**
 * After the first page: re-checks the stored older pages when the feed changed, then crawls
 * older pages when asked. A broken archive page stops the crawl only; losing the network or
 * storage ends the sync.
 */
export async function syncOlder(
  context: PagingContext,
  paging: PagingRecord,
  run: {
    changed: boolean;
    crawl: boolean;
    crawlCap: number;
    onCrawl: (crawl: CrawlProgress) => Promise<void>;
  },
): Promise<OlderOutcome> {
  const outcome: OlderOutcome = { saved: 0, failure: null, problems: [], images: [] };
  if (run.changed && paging.older.length > 0) {
    const rechecked = await revalidateOlder(context, paging);
    outcome.saved += rechecked.saved;
    outcome.failure = rechecked.failure;
    outcome.problems.push(...rechecked.problems);
    outcome.images.push(...rechecked.images);
  }
  if (!outcome.failure && run.crawl) {
    const crawled = await crawlOlder(context, run.crawlCap, run.onCrawl);
    outcome.saved += crawled.saved;
    outcome.problems.push(...crawled.problems);
    outcome.images.push(...crawled.images);
    const kind = crawled.failure?.kind;
    if (kind === 'offline' || kind === 'storage') outcome.failure = crawled.failure;
    else if (crawled.failure) outcome.problems.push(crawled.failure);
  }
  return outcome;
}
