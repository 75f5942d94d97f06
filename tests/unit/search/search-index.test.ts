import { describe, expect, it } from 'vitest';
import {
  SearchIndex,
  type SearchDocument,
  type SearchRequest,
} from '../../../src/lib/search/search-index';

function doc(articleId: string, lang: string, overrides: Partial<SearchDocument> = {}) {
  return {
    articleId,
    lang,
    categories: ['political'],
    published: '2026-11-01T08:00:00Z',
    title: `Title ${articleId}`,
    excerpt: '',
    fields: `Title ${articleId}`,
    body: '',
    ...overrides,
  };
}

function ask(index: SearchIndex, query: string, overrides: Partial<SearchRequest> = {}) {
  return index.search({
    query,
    lang: null,
    category: null,
    preferLang: 'en',
    limit: 50,
    ...overrides,
  });
}

const ids = (index: SearchIndex, query: string, overrides: Partial<SearchRequest> = {}) =>
  ask(index, query, overrides).hits.map((hit) => `${hit.articleId}:${hit.lang}`);

function sample(): SearchIndex {
  const index = new SearchIndex();
  index.put('gulf', [
    doc('gulf', 'en', {
      categories: ['diplomacy'],
      fields: 'Quiet diplomacy returns\nMaryam Tavakoli',
      body: 'Foreign ministers met in Muscat for regular talks about maritime safety.',
    }),
    doc('gulf', 'es', {
      categories: ['diplomacy'],
      fields: 'La diplomacia discreta vuelve\nMaryam Tavakoli',
      body: 'Los ministros se reunieron para hablar de política marítima.',
    }),
  ]);
  index.put('corridor', [
    doc('corridor', 'fa', {
      categories: ['economy'],
      fields: 'کریدور شمال–جنوب شتاب می‌گیرد',
      body: 'مسیری که اقیانوس هند را از راه ایران به شمال اروپا پیوند می‌دهد',
    }),
    doc('corridor', 'es', {
      categories: ['economy'],
      fields: 'El corredor Norte-Sur gana impulso',
      body: 'La ruta atrae nuevas inversiones y cambia la política regional.',
    }),
  ]);
  return index;
}

describe('SearchIndex', () => {
  it('finds words by prefix, in titles and authors and in bodies', () => {
    const index = sample();
    expect(ids(index, 'diplom')).toEqual(['gulf:en']);
    expect(ids(index, 'tavak')).toEqual(['gulf:en']);
    expect(ids(index, 'marit')).toEqual(['gulf:en']);
    expect(ids(index, 'inversi', { preferLang: 'es' })).toEqual(['corridor:es']);
  });

  it('folds accents and Arabic letter variants in queries as in documents', () => {
    const index = sample();
    expect(ids(index, 'politica', { lang: 'es' }).sort()).toEqual(['corridor:es', 'gulf:es']);
    expect(ids(index, 'كريدور')).toEqual(['corridor:fa']);
    expect(ids(index, 'ميگيرد')).toEqual(['corridor:fa']);
  });

  it('requires every term, each in any field', () => {
    const index = sample();
    expect(ids(index, 'diplomacy muscat')).toEqual(['gulf:en']);
    expect(ids(index, 'diplomacy inversiones')).toEqual([]);
  });

  it('filters by language and by category', () => {
    const index = sample();
    expect(ids(index, 'maryam', { lang: 'es' })).toEqual(['gulf:es']);
    expect(ids(index, 'politica', { category: 'economy', lang: 'es' })).toEqual(['corridor:es']);
    expect(ids(index, 'politica', { category: 'environment' })).toEqual([]);
  });

  it('shows one hit per article, in the reader’s language when that translation matches', () => {
    const index = sample();
    expect(ids(index, 'maryam', { preferLang: 'es' })).toEqual(['gulf:es']);
    expect(ids(index, 'maryam', { preferLang: 'en' })).toEqual(['gulf:en']);
    expect(ask(index, 'maryam').total).toBe(1);
  });

  it('drops what is removed and replaces what is re-indexed', () => {
    const index = sample();
    index.remove('gulf');
    expect(ids(index, 'diplom')).toEqual([]);
    expect(index.has('gulf')).toBe(false);
    index.put('corridor', [doc('corridor', 'en', { fields: 'Corridor renamed' })]);
    expect(ids(index, 'corredor')).toEqual([]);
    expect(ids(index, 'renamed')).toEqual(['corridor:en']);
    expect(index.size).toBe(1);
  });

  it('caps the hits at the limit and says how many matched', () => {
    const index = new SearchIndex();
    for (let n = 0; n < 12; n++)
      index.put(`a${n}`, [doc(`a${n}`, 'en', { fields: 'common word' })]);
    const results = ask(index, 'comm', { limit: 5 });
    expect(results.hits).toHaveLength(5);
    expect(results.total).toBe(12);
    expect(results.capped).toBe(false);
  });

  it('answers nothing for a query without words', () => {
    expect(ask(sample(), ' — ').hits).toEqual([]);
  });

  it('answers the same after a pack and load, without the ids of removed articles', () => {
    const index = sample();
    index.remove('gulf');
    const packed = index.pack();
    expect(packed.docs.map((hit) => hit.articleId)).toEqual(['corridor', 'corridor']);
    const loaded = new SearchIndex();
    loaded.load(packed);
    expect(loaded.stale).toBe(0);
    expect(ids(loaded, 'diplom')).toEqual([]);
    expect(ids(loaded, 'inversi', { preferLang: 'es' })).toEqual(['corridor:es']);
    expect(ids(loaded, 'كريدور')).toEqual(['corridor:fa']);
    expect(ids(loaded, 'کر')).toEqual(['corridor:fa']);
    // A loaded index keeps taking articles.
    loaded.put('gulf', [doc('gulf', 'en', { body: 'Talks in Muscat resumed' })]);
    expect(ids(loaded, 'musc')).toEqual(['gulf:en']);
    expect(ids(loaded, 'muscat resum')).toEqual(['gulf:en']);
  });

  it('refuses packed data that does not add up, and is left empty', () => {
    const packed = sample().pack();
    const loaded = new SearchIndex();
    expect(() => loaded.load({ ...packed, docs: packed.docs.slice(1) })).toThrow();
    expect(loaded.size).toBe(0);
    expect(ids(loaded, 'diplom')).toEqual([]);
  });
});
