import { describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../../src/lib/search/search-index';
import { sampleQueries, warmUp } from '../../../src/lib/search/warm-up';

function indexOf(titles: string[]): SearchIndex {
  const index = new SearchIndex();
  titles.forEach((title, at) => {
    index.put(`a${at}`, [
      {
        articleId: `a${at}`,
        lang: 'es',
        categories: ['economy'],
        published: '2026-11-01T08:00:00Z',
        title,
        excerpt: '',
        author: '',
        summary: '',
        body: 'texto',
      },
    ]);
  });
  return index;
}

describe('the warm-up queries', () => {
  it('take every shape of query from indexed titles: prefixes, words, a typo, a -word, filtered', () => {
    const requests = sampleQueries(indexOf(['La política del agua']), 1);
    const shapes = ['p', 'po', 'pol', 'poli', 'politica', 'politica agua', 'poitica'];
    expect(requests.map((request) => request.query)).toEqual(
      [...shapes, 'politica -agua'].flatMap((query) => [query, query]),
    );
    expect(
      requests.filter((request) => request.lang === 'es' && request.category === 'economy'),
    ).toHaveLength(8);
    // Every one is a real query of the index: each finds the article it came from, but the
    // one that leaves out a word of its title.
    const index = indexOf(['La política del agua']);
    for (const request of requests) {
      const found = index.search(request).hits.map((hit) => hit.articleId);
      expect(found).toEqual(request.query.includes(' -') ? [] : ['a0']);
    }
  });

  it('skip titles without a word of four letters, and an empty index', () => {
    expect(sampleQueries(indexOf(['Un té', 'Río']), 2)).toEqual([]);
    expect(sampleQueries(new SearchIndex(), 4)).toEqual([]);
  });

  it('run one per task, so that a reader’s query waits for one of them at most', async () => {
    const index = indexOf(['La política del agua', 'Economía del mar abierto']);
    const search = vi.spyOn(index, 'search');
    const pauses: (() => void)[] = [];
    let settled = false;
    void warmUp(index, () => new Promise<void>((resolve) => pauses.push(resolve))).then(
      () => (settled = true),
    );
    expect(search).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(search).toHaveBeenCalledTimes(1);
    while (!settled) {
      pauses.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(search).toHaveBeenCalledTimes(sampleQueries(index).length);
  });
});
