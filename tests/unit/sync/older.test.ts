import { afterEach, describe, expect, it } from 'vitest';
import {
  getSyncRecord,
  getSavedMark,
  getSummary,
  openFolioDb,
  type CrawlProgress,
  type FolioDB,
} from '../../../src/lib/db';
import { getPaging } from '../../../src/lib/db/meta-paging';
import { loadOlderPage } from '../../../src/lib/sync/older';
import { runSync, type SyncOptions } from '../../../src/lib/sync/sync';
import { FEED_URL, articleFor, indexPage, summary } from '../../fixtures/feed';
import { networkDown, stubNetwork } from '../../fixtures/network';
import { articleUrl, laterPage, pageUrl, pagedFeed } from './paged-feed';

let db: FolioDB | undefined;
afterEach(() => db?.close());

async function setup(count: number, pageSize: number) {
  db = await openFolioDb();
  const feed = pagedFeed(count, pageSize);
  const network = stubNetwork(feed.routes, { validators: true });
  const sync = (extra: Partial<SyncOptions> = {}) =>
    runSync({ db: db as FolioDB, feedUrl: FEED_URL, fetch: network.fetch, ...extra });
  const loadOlder = () =>
    loadOlderPage({ db: db as FolioDB, feedUrl: FEED_URL, fetch: network.fetch });
  return { db, network, sync, loadOlder, ...feed };
}

const storedIds = async (database: FolioDB) => (await database.getAllKeys('summaries')).sort();
const ids = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `a${from + i}`).sort();

describe('older pages on demand', () => {
  it('starts with the first page only, then follows next one page per load', async () => {
    const { db, network, sync, loadOlder } = await setup(9, 3);
    await sync();
    expect(network.requests.filter((url) => url.includes('index'))).toEqual([FEED_URL]);
    expect(await storedIds(db)).toEqual(ids(1, 3));
    expect((await getPaging(db, FEED_URL)).oldestNext).toBe(pageUrl(2));

    network.reset();
    expect(await loadOlder()).toMatchObject({ status: 'more', pages: 1, summaries: 3 });
    expect(network.requests.filter((url) => url.includes('index'))).toEqual([pageUrl(2)]);
    expect(await storedIds(db)).toEqual(ids(1, 6));

    expect(await loadOlder()).toMatchObject({ status: 'done', pages: 1, summaries: 3 });
    expect(await storedIds(db)).toEqual(ids(1, 9));
    network.reset();
    expect(await loadOlder()).toMatchObject({ status: 'done', pages: 0 });
    expect(network.requests).toEqual([]);
  });

  it('saves the bodies of older articles the retention rule keeps, and no others', async () => {
    const { db, sync, loadOlder } = await setup(9, 3);
    await sync({ maxArticles: 4 });
    await db.put('meta', { key: 'settings', retention: 4, keepCategories: [], download: 'always' });
    await loadOlder();
    expect((await db.getAllKeys('articles')).sort()).toEqual(ids(1, 4));
    expect(await getSavedMark(db, 'a4')).toBe((await getSummary(db, 'a4'))?.updated);
    expect(await getSavedMark(db, 'a5')).toBeNull();
  });

  it('stops at a next link back to a stored page, with a clear problem, keeping what it read', async () => {
    const { db, network, sync, loadOlder, pages } = await setup(6, 2);
    network.set(pageUrl(3), laterPage(pages[2]!, 'index-2.json'));
    await sync();
    await loadOlder();
    const looped = await loadOlder();
    expect(looped.status).toBe('done');
    expect(looped.problems.map((found) => found.message)).toEqual([
      'index-3.json: next: links back to index-2.json, which was already read; older pages stop here',
    ]);
    expect(await storedIds(db)).toEqual(ids(1, 6));
    expect((await getPaging(db, FEED_URL)).oldestNext).toBeNull();
    network.reset();
    expect(await loadOlder()).toMatchObject({ status: 'done', pages: 0 });
    expect(network.requests).toEqual([]);
  });

  it('leaves stored data intact when an older page is broken, and tries it again', async () => {
    const { db, network, sync, loadOlder, pages } = await setup(6, 2);
    await sync();
    network.set(pageUrl(2), new Response('{"version": 1, "articles": ['));
    const broken = await loadOlder();
    expect(broken.status).toBe('error');
    expect(broken.failure?.message).toMatch(/^index-2\.json: not valid JSON/);
    expect(await storedIds(db)).toEqual(ids(1, 2));
    expect((await getPaging(db, FEED_URL)).oldestNext).toBe(pageUrl(2));

    network.set(pageUrl(2), networkDown);
    expect(await loadOlder()).toMatchObject({ status: 'offline' });

    network.set(pageUrl(2), laterPage(pages[1]!, 'index-3.json'));
    expect(await loadOlder()).toMatchObject({ status: 'more', summaries: 2 });
    expect(await storedIds(db)).toEqual(ids(1, 4));
  });

  it('never stores an id the first page removed or purged, from any page', async () => {
    const { db, network, sync, loadOlder, entries, pages } = await setup(6, 3);
    network.set(
      FEED_URL,
      indexPage(pages[0]!, { next: 'index-2.json', removed: ['a4'], purged: ['a6'] }),
    );
    await sync();
    await loadOlder();
    expect(await storedIds(db)).toEqual(['a1', 'a2', 'a3', 'a5']);

    // Withdrawn later: an article stored from an older page goes as well.
    network.set(
      FEED_URL,
      indexPage(pages[0]!, { next: 'index-2.json', removed: ['a4', 'a5'], purged: ['a6'] }),
    );
    await sync();
    expect(await storedIds(db)).toEqual(['a1', 'a2', 'a3']);
    expect(entries).toHaveLength(6);
  });

  it('keeps the copy with the greater updated when an id is on two pages', async () => {
    const { db, network, sync, loadOlder, pages } = await setup(4, 2);
    const stale = summary('a1', {
      published: '2026-10-01T00:00:00Z',
      updated: '2026-10-01T00:00:00Z',
    });
    network.set(pageUrl(2), laterPage([...pages[1]!, stale]));
    await sync();
    await loadOlder();
    expect((await getSummary(db, 'a1'))?.updated).toBe(pages[0]![0]!.updated);
  });

  it('re-checks stored older pages when the first page changed: 304 for unchanged ones', async () => {
    const { db, network, sync, loadOlder, pages } = await setup(6, 2);
    await sync();
    await loadOlder();
    await loadOlder();
    const changed = { ...pages[2]![0]!, updated: '2026-11-10T00:00:00Z' };
    network.set(pageUrl(3), laterPage([changed, pages[2]![1]]));
    network.set(articleUrl('a5'), articleFor(changed));
    network.set(
      FEED_URL,
      indexPage(pages[0]!, { next: 'index-2.json', updated: '2026-11-21T00:00:00Z' }),
    );
    await db.put('bookmarks', { id: 'a5', createdAt: 1, state: 'active' });
    network.reset();
    await sync();
    expect(network.calls.map(({ url, status }) => [url, status])).toEqual([
      [FEED_URL, 200],
      [pageUrl(2), 304],
      [pageUrl(3), 200],
      [articleUrl('a5'), 200],
    ]);
    expect((await getSummary(db, 'a5'))?.updated).toBe('2026-11-10T00:00:00Z');
    expect((await db.get('articles', 'a5'))?.updated).toBe('2026-11-10T00:00:00Z');
  });
});

describe('background crawl', () => {
  const crawlStates = (seen: (CrawlProgress | null | undefined)[]) =>
    seen
      .filter((crawl): crawl is CrawlProgress => !!crawl)
      .map((c) => `${c.state}:${c.pages}/${c.totalPages ?? '?'}`);

  it('saves every page with progress after each, and then makes no request for them', async () => {
    const { db, network, sync } = await setup(10, 2);
    const seen: (CrawlProgress | null | undefined)[] = [];
    const outcome = await sync({
      crawl: true,
      maxArticles: 2,
      onProgress: (r) => seen.push(r.crawl),
    });
    expect(outcome.status).toBe('fresh');
    expect(await storedIds(db)).toEqual(ids(1, 10));
    expect([...new Set(crawlStates(seen))]).toEqual([
      'running:1/?',
      'running:2/?',
      'running:3/?',
      'running:4/?',
      'running:5/5',
      'done:5/5',
    ]);
    expect((await getSyncRecord(db)).crawl).toMatchObject({ state: 'done', summaries: 10 });
    expect((await db.getAllKeys('articles')).sort()).toEqual(['a1', 'a2']);

    network.reset();
    await sync({ crawl: true });
    expect(network.calls.map(({ url, status }) => [url, status])).toEqual([[FEED_URL, 304]]);
  });

  it('stops at the cap, and goes on from there when the cap allows more', async () => {
    const { db, sync } = await setup(10, 2);
    await sync({ crawl: true, crawlCap: 5 });
    expect(await storedIds(db)).toEqual(ids(1, 6));
    expect((await getSyncRecord(db)).crawl).toMatchObject({
      state: 'capped',
      pages: 3,
      summaries: 6,
      cap: 5,
    });
    await sync({ crawl: true, crawlCap: 8 });
    expect(await storedIds(db)).toEqual(ids(1, 8));
  });

  it('reads the setting from storage, and resumes a crawl cut by the network', async () => {
    const { db, network, sync, pages } = await setup(8, 2);
    await db.put('meta', {
      key: 'settings',
      retention: 200,
      keepCategories: [],
      download: 'always',
      crawlOlder: true,
    });
    network.set(pageUrl(3), networkDown);
    const cut = await sync();
    expect(cut.status).toBe('offline');
    expect(await storedIds(db)).toEqual(ids(1, 4));
    expect((await getSyncRecord(db)).crawl).toMatchObject({ state: 'stopped', pages: 2 });

    network.set(pageUrl(3), laterPage(pages[2]!, 'index-4.json'));
    network.reset();
    expect(await sync()).toMatchObject({ status: 'fresh', unchanged: true });
    expect(network.requests.filter((url) => url.includes('index'))).toEqual([
      FEED_URL,
      pageUrl(3),
      pageUrl(4),
    ]);
    expect(await storedIds(db)).toEqual(ids(1, 8));
  });

  it('reports a broken archive page as a problem without failing the sync', async () => {
    const { db, network, sync } = await setup(6, 2);
    network.set(pageUrl(3), new Response('', { status: 500 }));
    const outcome = await sync({ crawl: true });
    expect(outcome.status).toBe('fresh');
    expect(outcome.problems.map((p) => p.message)).toContain('index-3.json: HTTP 500');
    expect(await storedIds(db)).toEqual(ids(1, 4));
  });
});
