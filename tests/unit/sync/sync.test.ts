import { afterEach, describe, expect, it } from 'vitest';
import {
  getArticle,
  getSyncRecord,
  latestSummaries,
  openFolioDb,
  type FolioDB,
} from '../../../src/lib/db';
import { runSync, type SyncOptions } from '../../../src/lib/sync/sync';
import { FEED_URL, articleFor, indexPage, summaries, summary } from '../../fixtures/feed';
import { feedRoutes, networkDown, stubNetwork } from '../../fixtures/network';

let db: FolioDB | undefined;
afterEach(() => db?.close());

const articleUrl = (id: string) => new URL(`articles/${id}.json`, FEED_URL).href;

async function setup(count: number) {
  db = await openFolioDb();
  const entries = summaries(count);
  const network = stubNetwork(feedRoutes(indexPage(entries), entries.map(articleFor), FEED_URL));
  let clock = 1_000;
  const sync = (extra: Partial<SyncOptions> = {}) =>
    runSync({
      db: db as FolioDB,
      feedUrl: FEED_URL,
      fetch: network.fetch,
      now: () => clock++,
      ...extra,
    });
  return { db, entries, network, sync };
}

async function savedIds(database: FolioDB): Promise<string[]> {
  return (await database.getAllKeys('articles')).sort();
}

describe('runSync', () => {
  it('stores a fresh feed: summaries, every article body, and a fresh sync record', async () => {
    const { db, sync, network } = await setup(5);
    const outcome = await sync();
    expect(outcome).toMatchObject({ status: 'fresh', error: null, problems: [], saved: 5 });
    expect((await latestSummaries(db, 10)).map((s) => s.id)).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
    ]);
    expect((await getArticle(db, 'a3'))?.translations.es?.body).toBe('<p>Cuerpo de a3</p>');
    expect((await getArticle(db, 'a3'))?.url).toBe(articleUrl('a3'));
    const record = await getSyncRecord(db);
    expect(record.status).toBe('fresh');
    expect(record.lastSuccessAt).not.toBeNull();
    expect(record.progress).toEqual({ done: 5, total: 5 });
    expect(network.requests).toHaveLength(6);
  });

  it('fetches nothing but the index when nothing changed', async () => {
    const { sync, network } = await setup(4);
    await sync();
    network.requests.length = 0;
    const outcome = await sync();
    expect(outcome.saved).toBe(0);
    expect(network.requests).toEqual([FEED_URL]);
  });

  it('re-fetches only the article whose updated changed', async () => {
    const { sync, network, entries } = await setup(3);
    await sync();
    const changed = { ...entries[1], updated: '2026-11-05T00:00:00Z' };
    const next = [entries[0], changed, entries[2]] as Record<string, unknown>[];
    network.set(FEED_URL, indexPage(next));
    network.set(articleUrl('a2'), articleFor(changed));
    network.requests.length = 0;
    await sync();
    expect(network.requests).toEqual([FEED_URL, articleUrl('a2')]);
  });

  it('saves bodies for the first N articles only', async () => {
    const { db, sync } = await setup(6);
    await sync({ maxArticles: 2 });
    expect(await savedIds(db)).toEqual(['a1', 'a2']);
    expect(await latestSummaries(db, 10)).toHaveLength(6);
  });

  it('always saves the bodies of bookmarked articles, beyond the first N', async () => {
    const { db, sync } = await setup(6);
    await db.put('bookmarks', { id: 'a5', createdAt: 1, state: 'active' });
    await sync({ maxArticles: 2 });
    expect(await savedIds(db)).toEqual(['a1', 'a2', 'a5']);
  });

  it('skips one bad article, reports it, stores the rest, and retries it next time', async () => {
    const { db, sync, network } = await setup(3);
    network.set(articleUrl('a2'), new Response('oops', { status: 500 }));
    network.set(articleUrl('a3'), { ...articleFor(summary('a3')), id: 'someone-else' });
    const outcome = await sync();
    expect(outcome.status).toBe('fresh');
    expect(outcome.problems.map((p) => p.message).sort()).toEqual([
      'articles/a2.json: HTTP 500',
      'articles/a3.json: id: "someone-else" does not match the summary\'s id "a3"',
    ]);
    expect(await savedIds(db)).toEqual(['a1']);

    network.set(articleUrl('a2'), articleFor(summaries(3)[1] as Record<string, unknown>));
    network.requests.length = 0;
    await sync();
    expect(network.requests).toContain(articleUrl('a2'));
    expect(await savedIds(db)).toEqual(['a1', 'a2']);
  });

  it('keeps a consistent store when the network drops mid-sync, and the next sync completes', async () => {
    const { db, sync, network } = await setup(8);
    for (const id of ['a5', 'a6', 'a7', 'a8']) network.set(articleUrl(id), networkDown);
    const cut = await sync({ concurrency: 1, batchSize: 2 });
    expect(cut.status).toBe('offline');
    const partial = await savedIds(db);
    expect(partial).toEqual(['a1', 'a2', 'a3', 'a4']);
    // Every saved article is whole, and every summary marked saved has its body.
    for (const s of await latestSummaries(db, 20)) {
      const article = await getArticle(db, s.id);
      expect(s.saved === null ? article : article?.translations.en?.body).toBe(
        s.saved === null ? undefined : `<p>Body of ${s.id}</p>`,
      );
    }
    expect((await getSyncRecord(db)).status).toBe('offline');

    const entries = summaries(8);
    for (const entry of entries.slice(4))
      network.set(articleUrl(String(entry.id)), articleFor(entry));
    network.requests.length = 0;
    const resumed = await sync();
    expect(resumed).toMatchObject({ status: 'fresh', saved: 4 });
    expect(network.requests.filter((url) => url !== FEED_URL)).toHaveLength(4);
    expect(await savedIds(db)).toHaveLength(8);
    expect(await latestSummaries(db, 20)).toHaveLength(8);
  });

  it('applies removed from the index', async () => {
    const { db, sync, network, entries } = await setup(3);
    await sync();
    network.set(FEED_URL, indexPage(entries.slice(1), { removed: ['a1'] }));
    await sync();
    expect((await latestSummaries(db, 10)).map((s) => s.id)).toEqual(['a2', 'a3']);
    expect(await getArticle(db, 'a1')).toBeUndefined();
  });

  it.each([
    ['not JSON', () => new Response('{"version": 1, "articles": ['), 'index.json: not valid JSON'],
    [
      'a newer version',
      () => Response.json(indexPage([], { version: 9 })),
      'index.json: version: feed version 9',
    ],
    [
      'an HTML page',
      () => new Response('<!doctype html><p>app</p>'),
      'index.json: received an HTML page',
    ],
    ['HTTP 503', () => new Response('', { status: 503 }), 'index.json: HTTP 503'],
  ])('keeps everything cached when the index is %s', async (_name, answer, message) => {
    const { db, sync, network } = await setup(3);
    await sync();
    network.set(FEED_URL, answer);
    const outcome = await sync();
    expect(outcome.status).toBe('error');
    expect(outcome.error?.message.startsWith(message)).toBe(true);
    expect(await latestSummaries(db, 10)).toHaveLength(3);
    expect(await savedIds(db)).toHaveLength(3);
    const record = await getSyncRecord(db);
    expect(record.error?.message.startsWith(message)).toBe(true);
    expect(record.lastSuccessAt).not.toBeNull();
  });

  it('reports offline when the index cannot be reached, keeping the cache', async () => {
    const { db, sync, network } = await setup(2);
    await sync();
    const before = (await getSyncRecord(db)).lastSuccessAt;
    network.set(FEED_URL, networkDown);
    const outcome = await sync();
    expect(outcome.status).toBe('offline');
    const record = await getSyncRecord(db);
    expect(record.lastSuccessAt).toBe(before);
    expect(await latestSummaries(db, 10)).toHaveLength(2);
  });

  it('reports each stored state change as it goes', async () => {
    const { sync } = await setup(3);
    const seen: string[] = [];
    await sync({ onProgress: (record) => seen.push(record.status) });
    expect(seen[0]).toBe('syncing');
    expect(seen.at(-1)).toBe('fresh');
  });
});
