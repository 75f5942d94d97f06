import { afterEach, describe, expect, it } from 'vitest';
import { openFolioDb, storePage, type FolioDB } from '../../../src/lib/db';
import { emptyPaging, getFeedWithPaging, putPaging } from '../../../src/lib/db/meta-paging';
import { parseIndexPage } from '../../../src/lib/feed';
import { FEED_URL, indexPage, summaries } from '../../fixtures/feed';

let db: FolioDB | undefined;
afterEach(() => db?.close());

async function storedFeed(): Promise<FolioDB> {
  const opened = await openFolioDb();
  const page = parseIndexPage(indexPage(summaries(2)), { label: 'index.json', url: FEED_URL });
  await storePage(opened, { feedUrl: FEED_URL, ...page });
  return opened;
}

describe('getFeedWithPaging', () => {
  it('has nothing older before any paging state is stored', async () => {
    db = await storedFeed();
    const { feed, hasOlder } = await getFeedWithPaging(db);
    expect(feed?.feedUrl).toBe(FEED_URL);
    expect(hasOlder).toBe(false);
  });

  it('says the feed has older pages while the oldest stored page names a next one', async () => {
    db = await storedFeed();
    await putPaging(db, { ...emptyPaging(FEED_URL), oldestNext: `${FEED_URL}?page=2` });
    expect((await getFeedWithPaging(db)).hasOlder).toBe(true);
    await putPaging(db, { ...emptyPaging(FEED_URL), oldestNext: null });
    expect((await getFeedWithPaging(db)).hasOlder).toBe(false);
  });

  it("ignores another feed's paging state, left from before the address changed", async () => {
    db = await storedFeed();
    const other = 'https://elsewhere.test/content/index.json';
    await putPaging(db, { ...emptyPaging(other), oldestNext: `${other}?page=2` });
    expect((await getFeedWithPaging(db)).hasOlder).toBe(false);
  });
});
