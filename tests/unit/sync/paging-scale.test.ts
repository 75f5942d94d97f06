import { afterEach, describe, expect, it } from 'vitest';
import {
  countSummaries,
  getSyncRecord,
  latestSummaries,
  openFolioDb,
  type FolioDB,
} from '../../../src/lib/db';
import { getPaging } from '../../../src/lib/db/meta-paging';
import { runSync } from '../../../src/lib/sync/sync';
import { FEED_URL } from '../../fixtures/feed';
import { stubNetwork } from '../../fixtures/network';
import { pageUrl, pagedFeed } from './paged-feed';

let db: FolioDB | undefined;
afterEach(() => db?.close());

describe('a feed of 50,000 articles', () => {
  it('crawls 50 pages of 1,000 summaries into storage, and an unchanged feed then costs 304', async () => {
    db = await openFolioDb();
    // Summaries only: no body is fetched, so retention has nothing to prune.
    await db.put('meta', {
      key: 'settings',
      retention: 'all',
      keepCategories: [],
      download: 'always',
    });
    const feed = pagedFeed(50_000, 1_000, { bodies: false });
    const network = stubNetwork(feed.routes, { validators: true });
    const options = {
      db,
      feedUrl: FEED_URL,
      fetch: network.fetch,
      crawl: true,
      crawlCap: 50_000,
      maxArticles: 0,
    };
    const outcome = await runSync(options);
    expect(outcome.status).toBe('fresh');
    expect(network.requests).toHaveLength(50);
    expect(network.requests.at(-1)).toBe(pageUrl(50));
    expect(await countSummaries(db)).toBe(50_000);
    expect((await getSyncRecord(db)).crawl).toMatchObject({
      state: 'done',
      pages: 50,
      totalPages: 50,
      summaries: 50_000,
    });
    expect((await getPaging(db, FEED_URL)).oldestNext).toBeNull();
    const oldest = await db.transaction('summaries').store.index('by-published').openCursor();
    expect(oldest?.value.id).toBe('a50000');
    expect((await latestSummaries(db, 1))[0]?.id).toBe('a1');

    network.reset();
    expect(await runSync(options)).toMatchObject({ status: 'fresh', unchanged: true });
    expect(network.requests).toEqual([FEED_URL]);
  }, 60_000);
});
