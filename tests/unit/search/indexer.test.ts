import { afterEach, describe, expect, it } from 'vitest';
import { openFolioDb, type FolioDB } from '../../../src/lib/db';
import { SearchService } from '../../../src/lib/search/service';
import type { StatusReport } from '../../../src/lib/search/service';
import { summary } from '../../fixtures/feed';
import { storedFeed } from '../../fixtures/stored-feed';

let db: FolioDB | undefined;
afterEach(() => db?.close());

const { storeSummaries, storeBody } = storedFeed(() => db as FolioDB);

async function service() {
  db = await openFolioDb();
  const reports: StatusReport[] = [];
  const search = new SearchService(
    () => Promise.resolve(db as FolioDB),
    (report) => reports.push(report),
    { pause: () => Promise.resolve() },
  );
  return { search, reports };
}

const find = async (search: SearchService, query: string) =>
  (
    await search.query({ query, lang: null, category: null, preferLang: 'en', limit: 50 })
  ).results.hits.map((hit) => hit.articleId);

describe('SearchService over IndexedDB', () => {
  it('indexes summaries, and bodies once saved', async () => {
    const { search, reports } = await service();
    await storeSummaries([summary('one'), summary('two')]);
    await search.refresh();
    expect((await find(search, 'extracto')).sort()).toEqual(['one', 'two']);
    expect(await find(search, 'zanzibar')).toEqual([]);
    expect(reports.at(-1)?.status).toBe('ready');

    await storeBody('two', '<p>A voyage to <b>Zanzibar</b>.</p>');
    await search.refresh();
    expect(await find(search, 'zanzib')).toEqual(['two']);
  });

  it('reports after a refresh only when it changed something', async () => {
    const { search, reports } = await service();
    await storeSummaries([summary('one')]);
    await search.refresh();
    const afterBuild = reports.length;
    // An unchanged report would make the page ask its query again for the same answer.
    await search.refresh();
    expect(reports).toHaveLength(afterBuild);

    await storeSummaries([summary('two')]);
    await search.refresh();
    expect(reports.slice(afterBuild).map((report) => report.status)).toEqual(['ready']);
  });

  it('re-indexes only what changed, and drops removed and purged articles', async () => {
    const { search } = await service();
    await storeSummaries([summary('one'), summary('two'), summary('three')]);
    await storeBody('three', '<p>Purged words</p>');
    await search.refresh();
    expect((await find(search, 'title')).sort()).toEqual(['one', 'three', 'two']);

    await storeSummaries(
      [
        summary('one', {
          updated: '2026-11-02T08:00:00Z',
          translations: { en: { title: 'Renamed headline' } },
        }),
      ],
      { removed: ['two'], purged: ['three'] },
    );
    await search.refresh();
    expect(await find(search, 'renamed')).toEqual(['one']);
    expect(await find(search, 'title')).toEqual([]);
    expect(await find(search, 'purged')).toEqual([]);
  });

  it('keeps a withdrawn bookmarked article searchable from its saved body', async () => {
    const { search } = await service();
    await storeSummaries([summary('kept')]);
    await storeBody('kept', '<p>Withdrawn but bookmarked</p>');
    await (db as FolioDB).put('bookmarks', { id: 'kept', createdAt: 1, state: 'active' });
    await storeSummaries([], { removed: ['kept'] });
    await search.refresh();
    expect(await find(search, 'withdrawn')).toEqual(['kept']);
  });

  it('indexes more articles than one batch', async () => {
    const { search, reports } = await service();
    await storeSummaries(
      Array.from({ length: 230 }, (_, n) => summary(`a${String(n).padStart(3, '0')}`)),
    );
    await search.refresh();
    expect(
      (
        await search.query({
          query: 'title',
          lang: 'en',
          category: null,
          preferLang: 'en',
          limit: 10,
        })
      ).results.total,
    ).toBe(230);
    expect(reports.filter((report) => report.status === 'building').length).toBeGreaterThan(1);
  });

  it('reads saved marks batch by batch, and re-indexes an article when its body is saved', async () => {
    const { search } = await service();
    const id = (n: number) => `a${String(n).padStart(3, '0')}`;
    await storeSummaries(Array.from({ length: 230 }, (_, n) => summary(id(n))));
    for (const n of [0, 99, 100, 229]) await storeBody(id(n), `<p>Marked ${id(n)} quokka</p>`);
    await search.refresh();
    expect((await find(search, 'quokka')).sort()).toEqual([id(0), id(99), id(100), id(229)]);

    await storeBody(id(150), '<p>Later quokka</p>');
    await search.refresh();
    expect(await find(search, 'quokka')).toContain(id(150));
  });

  it('finds a quoted phrase in saved bodies, words in that order only', async () => {
    const { search } = await service();
    await storeSummaries([summary('one'), summary('two')]);
    await storeBody('one', '<p>The <em>ground operations</em> in Gaza go on.</p>');
    await storeBody('two', '<p>Operations on the ground were slower.</p>');
    await search.refresh();
    expect((await find(search, 'ground operations')).sort()).toEqual(['one', 'two']);
    expect(await find(search, '"ground operations"')).toEqual(['one']);
    expect(await find(search, '"operations on the"')).toEqual(['two']);
  });
});
