import { describe, expect, it } from 'vitest';
import {
  MAX_MATCHES,
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
    // Numbered 1 to n again: arrays by document number do not grow with every re-index.
    expect([...packed.docIds]).toEqual([1, 2]);
    expect(packed.nextId).toBe(3);
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

  it('ranks articles matching every term in a title or author before the others', () => {
    const index = new SearchIndex();
    // Indexed first, so first in the posting lists: matching in the text only ranks it last.
    index.put('text', [doc('text', 'en', { fields: 'Harbour report', body: 'monsoon winds' })]);
    index.put('mixed', [doc('mixed', 'en', { fields: 'Monsoon report', body: 'harbour' })]);
    index.put('title', [doc('title', 'en', { fields: 'Monsoon winds return' })]);
    expect(ids(index, 'monsoon winds')).toEqual(['title:en', 'text:en']);
    expect(ids(index, 'winds monsoon')).toEqual(['title:en', 'text:en']);
    expect(ids(index, 'monso')).toEqual(['mixed:en', 'title:en', 'text:en']);
    expect(ids(index, 'monsoon harbour')).toEqual(['mixed:en', 'text:en']);
  });

  it('counts at most MAX_MATCHES articles, and says when more matched', () => {
    const index = new SearchIndex();
    for (let n = 0; n <= MAX_MATCHES; n++) {
      index.put(`a${n}`, [doc(`a${n}`, 'en', { fields: 'common word' })]);
    }
    const results = ask(index, 'common', { limit: 3 });
    expect(results.hits.map((hit) => hit.articleId)).toEqual(['a0', 'a1', 'a2']);
    expect(results.total).toBe(MAX_MATCHES);
    expect(results.capped).toBe(true);
  });

  it('refuses packed data whose document numbers repeat or run past its count', () => {
    const packed = sample().pack();
    const loaded = new SearchIndex();
    const repeated = Uint32Array.from(packed.docIds, (id, at) =>
      at === 1 ? packed.docIds[0]! : id,
    );
    expect(() => loaded.load({ ...packed, docIds: repeated })).toThrow();
    expect(() => loaded.load({ ...packed, nextId: 2 })).toThrow();
    expect(loaded.size).toBe(0);
  });
});
