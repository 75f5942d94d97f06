import { describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../../src/lib/search/search-index';
import { SCRIPTS_QUERY, sampleQueries, warmUp } from '../../../src/lib/search/warm-up';

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
  it('take every shape of query from titles as written: prefixes, words, a typo, a -word, filtered', () => {
    const requests = sampleQueries(indexOf(['La Política del agua']), 1);
    const shapes = ['p', 'po', 'pol', 'polí', 'política', 'política agua', 'poítica'];
    expect(requests.map((request) => request.query)).toEqual([
      ...[...shapes, 'política -agua'].flatMap((query) => [query, query]),
      SCRIPTS_QUERY,
    ]);
    expect(
      requests.filter((request) => request.lang === 'es' && request.category === 'economy'),
    ).toHaveLength(8);
    // Every one is a real query of the index: each finds the article it came from, but the
    // one that leaves out a word of its title and the one in other scripts.
    const index = indexOf(['La Política del agua']);
    for (const request of requests.slice(0, -1)) {
      const found = index.search(request).hits.map((hit) => hit.articleId);
      expect(found).toEqual(request.query.includes(' -') ? [] : ['a0']);
    }
  });

  it('end with a query in each script that folding treats apart', () => {
    const { query } = sampleQueries(indexOf(['Agua y mar']), 1).at(-1) ?? { query: '' };
    expect(query).toBe(SCRIPTS_QUERY);
    expect(query).toMatch(/[\u00c0-\u017f]/);
    expect(query).toMatch(/[\u0600-\u06ff]\u200c[\u0600-\u06ff]/);
  });

  it('skip titles without a word of four letters, and an empty index', () => {
    expect(sampleQueries(indexOf(['Un té', 'Río']), 2)).toEqual([]);
    expect(sampleQueries(new SearchIndex(), 4)).toEqual([]);
  });

  it('run all at once, so that none is left to delay a reader’s first query', () => {
    const index = indexOf(['La política del agua', 'Economía del mar abierto']);
    const search = vi.spyOn(index, 'search');
    warmUp(index);
    expect(search).toHaveBeenCalledTimes(sampleQueries(index).length);
    expect(search.mock.calls.map(([request]) => request.query)).toContain('economía');
  });
});
