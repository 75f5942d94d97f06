import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/lib/search/search-index';
import { sampleQueries } from '../../../src/lib/search/warm-up';

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
  it('take every shape of query from indexed titles: prefixes, a word, two words, filtered', () => {
    const requests = sampleQueries(indexOf(['La política del agua']), 1);
    expect(requests.map((request) => request.query)).toEqual(
      ['p', 'po', 'pol', 'poli', 'politica', 'politica agua'].flatMap((query) => [query, query]),
    );
    expect(
      requests.filter((request) => request.lang === 'es' && request.category === 'economy'),
    ).toHaveLength(6);
    // Every one is a real query of the index: each finds the article it came from.
    const index = indexOf(['La política del agua']);
    for (const request of requests) {
      expect(index.search(request).hits.map((hit) => hit.articleId)).toEqual(['a0']);
    }
  });

  it('skip titles without a word of four letters, and an empty index', () => {
    expect(sampleQueries(indexOf(['Un té', 'Río']), 2)).toEqual([]);
    expect(sampleQueries(new SearchIndex(), 4)).toEqual([]);
  });
});
