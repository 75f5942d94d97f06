import { afterEach, describe, expect, it } from 'vitest';
import { getArticle, getSummary, openFolioDb, type FolioDB } from '../../../src/lib/db';
import { runSync, type SyncOptions } from '../../../src/lib/sync/sync';
import { FEED_URL, articleFor, indexPage } from '../../fixtures/feed';
import { networkDown, stubNetwork } from '../../fixtures/network';
import { articleUrl, pagedFeed } from './paged-feed';

let db: FolioDB | undefined;
afterEach(() => db?.close());

async function setup(count: number, pageSize = count) {
  db = await openFolioDb();
  const feed = pagedFeed(count, pageSize);
  const network = stubNetwork(feed.routes, { validators: true });
  const sync = (extra: Partial<SyncOptions> = {}) =>
    runSync({ db: db as FolioDB, feedUrl: FEED_URL, fetch: network.fetch, ...extra });
  return { db, network, sync, ...feed };
}

async function savedIds(database: FolioDB): Promise<string[]> {
  return (await database.getAllKeys('articles')).sort();
}

describe('incremental sync', () => {
  it('asks with If-None-Match and If-Modified-Since; a 304 costs one request and stores nothing', async () => {
    const { db, network, sync } = await setup(4);
    expect(await sync()).toMatchObject({ status: 'fresh', unchanged: false, saved: 4 });
    const first = network.calls[0];
    expect(first?.headers.get('If-None-Match')).toBeNull();

    // A mark only this device knows: re-storing the page would overwrite it.
    const stored = await getSummary(db, 'a2');
    await db.put('summaries', { ...stored!, translations: { en: { title: 'marked' } } });
    network.reset();
    const outcome = await sync();

    expect(outcome).toMatchObject({ status: 'fresh', unchanged: true, saved: 0 });
    expect(network.calls.map(({ url, status }) => [url, status])).toEqual([[FEED_URL, 304]]);
    const asked = network.calls[0]!.headers;
    expect(asked.get('If-None-Match')).toMatch(/^".+"$/);
    expect(asked.get('If-Modified-Since')).toBe('Fri, 20 Nov 2026 10:00:00 GMT');
    expect((await getSummary(db, 'a2'))?.translations.en?.title).toBe('marked');
  });

  it('re-fetches only the articles whose updated changed', async () => {
    const { network, sync, entries } = await setup(4);
    await sync();
    const changed = { ...entries[2]!, updated: '2026-11-05T00:00:00Z' };
    network.set(FEED_URL, indexPage([entries[0], entries[1], changed, entries[3]]));
    network.set(articleUrl('a3'), articleFor(changed));
    network.reset();
    const outcome = await sync();
    expect(outcome).toMatchObject({ status: 'fresh', unchanged: false, saved: 1 });
    expect(network.calls.map(({ url, status }) => [url, status])).toEqual([
      [FEED_URL, 200],
      [articleUrl('a3'), 200],
    ]);
  });

  it('resumes an interrupted sync even when the index then answers 304', async () => {
    const { db, network, sync, entries } = await setup(6);
    for (const id of ['a4', 'a5', 'a6']) network.set(articleUrl(id), networkDown);
    const cut = await sync({ concurrency: 1, batchSize: 1 });
    expect(cut.status).toBe('offline');
    expect(await savedIds(db)).toEqual(['a1', 'a2', 'a3']);

    for (const entry of entries.slice(3))
      network.set(articleUrl(String(entry.id)), articleFor(entry));
    network.reset();
    const resumed = await sync();
    expect(resumed).toMatchObject({ status: 'fresh', unchanged: true, saved: 3 });
    expect(network.calls[0]).toMatchObject({ url: FEED_URL, status: 304 });
    expect(network.requests.slice(1).sort()).toEqual(['a4', 'a5', 'a6'].map(articleUrl));
    expect(await savedIds(db)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
  });

  it('applies removed and purged from a changed first page, bookmarks as the spec says', async () => {
    const { db, network, sync, entries } = await setup(4);
    await sync();
    await db.put('bookmarks', { id: 'a2', createdAt: 1, state: 'active' });
    await db.put('bookmarks', { id: 'a3', createdAt: 2, state: 'active' });
    network.set(
      FEED_URL,
      indexPage([entries[0], entries[3]], { removed: ['a2', 'a4'], purged: ['a3'] }),
    );
    await sync();
    expect((await db.getAllKeys('summaries')).sort()).toEqual(['a1']);
    expect(await db.get('bookmarks', 'a2')).toMatchObject({ state: 'withdrawn' });
    expect(await getArticle(db, 'a2')).toBeDefined();
    expect(await db.get('bookmarks', 'a3')).toEqual({ id: 'a3', createdAt: 2, state: 'purged' });
    expect(await getArticle(db, 'a3')).toBeUndefined();
    expect(await getArticle(db, 'a4')).toBeUndefined();
  });

  it('reads the whole feed again when the stored metadata is gone, validators or not', async () => {
    const { db, network, sync } = await setup(2);
    await sync();
    await db.delete('meta', 'feed');
    network.reset();
    expect(await sync()).toMatchObject({ status: 'fresh', unchanged: false });
    expect(network.calls[0]?.headers.get('If-None-Match')).toBeNull();
    expect(network.calls[0]?.status).toBe(200);
  });

  it('reports how long the index, the bodies and their writes took', async () => {
    const { sync } = await setup(3);
    const phases: string[] = [];
    const outcome = await sync({ onPhase: (phase) => phases.push(phase) });
    expect(phases).toEqual(['index', 'bodies', 'store', 'older']);
    expect(outcome.timings.store).toBeGreaterThan(0);
    expect(outcome.timings.total).toBeGreaterThanOrEqual(outcome.timings.bodies);
  });
});
