import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSaved, openFolioDb, removeBookmark, type FolioDB } from '../../../src/lib/db';
import { loadSearchIndex, saveSearchIndex } from '../../../src/lib/db/search-store';
import { bodyImages } from '../../../src/lib/sync/images';
import { SearchService, type StatusReport } from '../../../src/lib/search/service';
import { SNAPSHOT_FORMAT } from '../../../src/lib/search/snapshot';
import { summary } from '../../fixtures/feed';
import { persistedFind as findIn, request } from './persisted';
import { storedFeed } from '../../fixtures/stored-feed';

let db: FolioDB | undefined;
afterEach(() => {
  db?.close();
  vi.restoreAllMocks();
});

const { storeSummaries, storeBody } = storedFeed(() => db as FolioDB);

const find = async (search: SearchService, query: string) =>
  (await search.query(request(query))).results.hits.map((hit) => hit.articleId);

/**
 * A service as the worker starts one. `onFirstReady` runs at its first 'ready' report: for a
 * loaded index, before the reconciling refresh has read any summary.
 */
function start(onFirstReady: (search: SearchService) => void = () => {}, quietBeforeReconcile = 0) {
  const reports: StatusReport[] = [];
  const search: SearchService = new SearchService(
    () => Promise.resolve(db as FolioDB),
    (report) => {
      if (report.status === 'ready' && !reports.some((r) => r.status === 'ready'))
        onFirstReady(search);
      reports.push(report);
    },
    { pause: () => Promise.resolve(), quietBeforeReconcile },
  );
  return { search, reports };
}

const persistedFind = (query: string) => findIn(db as FolioDB, query);

async function seed() {
  db = await openFolioDb();
  await storeSummaries([summary('one'), summary('two')]);
  await storeBody('two', '<p>A voyage to <b>Zanzibar</b>.</p>');
}

describe('the persisted search index', () => {
  it('is saved by a build and loaded ready by the next start, before reading summaries', async () => {
    await seed();
    const first = start();
    await first.search.refresh();
    expect(first.reports[0]?.status).toBe('building');
    expect(await persistedFind('zanzib')).toEqual(['two']);

    let atLoad: Promise<string[]> = Promise.resolve([]);
    const second = start((search) => (atLoad = find(search, 'zanz')));
    await second.search.refresh();
    expect(second.reports.map((r) => r.status)).not.toContain('building');
    expect(await atLoad).toEqual(['two']);
    expect((await find(second.search, 'extracto')).sort()).toEqual(['one', 'two']);
  });

  it('persists incremental updates: new bodies, and articles removed from the feed', async () => {
    await seed();
    const { search } = start();
    await search.refresh();
    await storeBody('one', '<p>Monsoon winds over the Indian Ocean</p>');
    await search.refresh();
    expect(await persistedFind('monsoo')).toEqual(['one']);
    await (db as FolioDB).delete('summaries', 'one');
    await (db as FolioDB).delete('articles', 'one');
    await search.refresh();
    expect(await persistedFind('monsoo')).toEqual([]);
    expect(await persistedFind('zanzibar')).toEqual(['two']);
  });

  it('does not answer from bodies cleared while no search ran, even before reconciling', async () => {
    await seed();
    await start().search.refresh();
    await clearSaved(db as FolioDB, bodyImages);

    let atLoad: Promise<string[]> = Promise.resolve(['not asked']);
    const next = start((search) => (atLoad = find(search, 'zanzibar')));
    await next.search.refresh();
    expect(await atLoad).toEqual([]);
    expect(await find(next.search, 'zanzibar')).toEqual([]);
    // The article itself is still listed, so it stays findable by its summary.
    expect((await find(next.search, 'extracto')).sort()).toEqual(['one', 'two']);
    expect(await persistedFind('zanzibar')).toEqual([]);
  });

  it('keeps a withdrawn bookmarked article in a loaded index while its body is saved', async () => {
    await seed();
    await storeBody('kept', '<p>Withdrawn but bookmarked, about Muscat</p>');
    await (db as FolioDB).put('bookmarks', { id: 'kept', createdAt: 1, state: 'active' });
    await storeSummaries([summary('one'), summary('two'), summary('kept')]);
    await storeSummaries([summary('one'), summary('two')], { removed: ['kept'] });
    await start().search.refresh();
    const savedAt = (await loadSearchIndex(db as FolioDB))?.savedAt;

    let atLoad: Promise<string[]> = Promise.resolve([]);
    const next = start((search) => (atLoad = find(search, 'muscat')));
    await next.search.refresh();
    expect(await atLoad).toEqual(['kept']);
    // Nothing was dropped, so nothing was written again.
    expect((await loadSearchIndex(db as FolioDB))?.savedAt).toBe(savedAt);

    // Unbookmarked, a withdrawn article's body goes.
    await removeBookmark(db as FolioDB, 'kept');
    let afterDelete: Promise<string[]> = Promise.resolve(['not asked']);
    const last = start((search) => (afterDelete = find(search, 'muscat')));
    await last.search.refresh();
    expect(await afterDelete).toEqual([]);
  });

  it('rebuilds from scratch when the record is from another format', async () => {
    await seed();
    await start().search.refresh();
    const record = await loadSearchIndex(db as FolioDB);
    await saveSearchIndex(db as FolioDB, SNAPSHOT_FORMAT + 1, record?.data);

    const next = start();
    await next.search.refresh();
    expect(next.reports[0]?.status).toBe('building');
    expect(await find(next.search, 'zanzib')).toEqual(['two']);
    expect((await loadSearchIndex(db as FolioDB))?.format).toBe(SNAPSHOT_FORMAT);
  });

  it('rebuilds when the record is torn, and says why in the console', async () => {
    await seed();
    await start().search.refresh();
    const record = await loadSearchIndex(db as FolioDB);
    const data = record?.data as { index: { bodies: { counts: Uint32Array } } };
    data.index.bodies.counts = data.index.bodies.counts.subarray(1);
    await saveSearchIndex(db as FolioDB, SNAPSHOT_FORMAT, data);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    const next = start();
    await next.search.refresh();
    expect(next.reports[0]?.status).toBe('building');
    expect(await find(next.search, 'zanzib')).toEqual(['two']);
    expect(logged).toHaveBeenCalledExactlyOnceWith(
      'Could not load the saved search index; rebuilding it',
      expect.any(Error),
    );
  });

  it('reconciles a loaded index only once the reader pauses between queries', async () => {
    await seed();
    await start().search.refresh();
    // Stored while no search ran, and not in the saved index: only reconciling finds it.
    await storeSummaries([summary('three')]);

    const QUIET_MS = 80;
    let loaded = () => {};
    const ready = new Promise<void>((resolve) => (loaded = resolve));
    const next = start(() => loaded(), QUIET_MS);
    let reconciled = false;
    void next.search.refresh().then(() => (reconciled = true));
    await ready;
    const startedAt = performance.now();
    // A reader typing, a query every 20 ms for four quiet periods: the walk waits.
    while (performance.now() - startedAt < 4 * QUIET_MS) {
      expect(await find(next.search, 'zanzib')).toEqual(['two']);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(reconciled).toBe(false);
    expect(await find(next.search, 'three')).toEqual([]);

    await vi.waitFor(() => expect(reconciled).toBe(true), { timeout: 2_000 });
    expect(await find(next.search, 'three')).toEqual(['three']);
  });
});
