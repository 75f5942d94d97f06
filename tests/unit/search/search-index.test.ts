import { describe, expect, it } from 'vitest';
import { unpackDocs } from '../../../src/lib/search/packed-docs';
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
    author: '',
    summary: '',
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
      title: 'Quiet diplomacy returns',
      author: 'Maryam Tavakoli',
      body: 'Foreign ministers met in Muscat for regular talks about maritime safety.',
    }),
    doc('gulf', 'es', {
      categories: ['diplomacy'],
      title: 'La diplomacia discreta vuelve',
      author: 'Maryam Tavakoli',
      body: 'Los ministros se reunieron para hablar de política marítima.',
    }),
  ]);
  index.put('corridor', [
    doc('corridor', 'fa', {
      categories: ['economy'],
      title: 'کریدور شمال–جنوب شتاب می‌گیرد',
      body: 'مسیری که اقیانوس هند را از راه ایران به شمال اروپا پیوند می‌دهد',
    }),
    doc('corridor', 'es', {
      categories: ['economy'],
      title: 'El corredor Norte-Sur gana impulso',
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
    const some = ask(index, 'diplomacy inversiones');
    expect(some.partial).toBe(true);
    expect(ask(index, 'diplomacy muscat').partial).toBe(false);
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
    index.put('corridor', [doc('corridor', 'en', { title: 'Corridor renamed' })]);
    expect(ids(index, 'impulso')).toEqual([]);
    expect(ids(index, 'renamed')).toEqual(['corridor:en']);
    expect(index.size).toBe(1);
  });

  it('caps the hits at the limit and says how many matched', () => {
    const index = new SearchIndex();
    for (let n = 0; n < 12; n++) index.put(`a${n}`, [doc(`a${n}`, 'en', { title: 'common word' })]);
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
    const docs = unpackDocs(packed.docs);
    expect([...docs.articleOf].map((at) => docs.articles[at])).toEqual(['corridor', 'corridor']);
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
    const fewer = { ...packed.docs, articleOf: packed.docs.articleOf.slice(1) };
    expect(() => loaded.load({ ...packed, docs: fewer })).toThrow();
    expect(loaded.size).toBe(0);
    expect(ids(loaded, 'diplom')).toEqual([]);
  });

  it('ranks a match in the title above one in the lead, and the lead above the body', () => {
    const index = new SearchIndex();
    // Indexed first, so first in the posting lists: order of indexing decides nothing.
    const long = 'Ships wait in the harbour for the season to turn. '.repeat(60);
    index.put('body', [
      doc('body', 'en', { title: 'Harbour report', body: `monsoon winds. ${long}` }),
    ]);
    index.put('lead', [doc('lead', 'en', { title: 'Port notes', summary: 'The monsoon is late' })]);
    index.put('title', [doc('title', 'en', { title: 'Monsoon winds return' })]);
    expect(ids(index, 'monsoon')).toEqual(['title:en', 'lead:en', 'body:en']);
    expect(ids(index, 'monsoon winds')).toEqual(['title:en', 'body:en']);
    expect(ids(index, 'winds monsoon')).toEqual(['title:en', 'body:en']);
  });

  it('ranks the article about a subject above one that mentions it once', () => {
    const index = new SearchIndex();
    const passing = 'The talks covered trade, fisheries, the border and, in passing, Iraq. ';
    index.put('mention', [
      doc('mention', 'en', { title: 'A week of talks', body: passing.repeat(3) }),
    ]);
    index.put('about', [
      doc('about', 'en', {
        title: 'The truth about the withdrawal from Iraq',
        summary: 'Why the withdrawal of troops from Iraq is slower than announced.',
      }),
    ]);
    index.put('other', [doc('other', 'en', { title: 'Withdrawal symptoms', body: 'Iraq once.' })]);
    expect(ids(index, 'iraq withdrawal')[0]).toBe('about:en');
  });

  it('ranks a whole word above a word the term only begins, and newer first on a tie', () => {
    const index = new SearchIndex();
    index.put('prefix', [doc('prefix', 'en', { title: 'Militancy rises' })]);
    index.put('old', [
      doc('old', 'en', { title: 'Milit rises', published: '2020-01-01T00:00:00Z' }),
    ]);
    index.put('new', [
      doc('new', 'en', { title: 'Milit rises', published: '2024-01-01T00:00:00Z' }),
    ]);
    expect(ids(index, 'milit')).toEqual(['new:en', 'old:en', 'prefix:en']);
  });

  it('finds a word one typo away when no word is or begins with the term (5 letters or more)', () => {
    const index = new SearchIndex();
    index.put('typo', [doc('typo', 'en', { title: 'The Caucasus corridor' })]);
    expect(ids(index, 'caucasis')).toEqual(['typo:en']);
    // A word on its way to "caucasus" is not a misspelt "causa".
    index.put('causa', [doc('causa', 'es', { title: 'Una causa perdida' })]);
    expect(ids(index, 'cauca')).toEqual(['typo:en']);
    expect(ids(index, 'causa')).toEqual(['causa:es']);
    expect(ids(index, 'withdrawl')).toEqual([]);
    index.put('w', [doc('w', 'en', { title: 'Withdrawal from Iraq' })]);
    expect(ids(index, 'withdrawl')).toEqual(['w:en']);
    expect(ids(index, 'iraq withdrawl')).toEqual(['w:en']);
    // Four letters: no typo tolerance ("iran" is not "iraq").
    index.put('iran', [doc('iran', 'en', { title: 'Iran votes' })]);
    expect(ids(index, 'iraq')).toEqual(['w:en']);
  });

  it('leaves out articles with a -term, and keeps quoted words side by side', () => {
    const index = new SearchIndex();
    index.put('nato', [doc('nato', 'en', { title: 'NATO’s mission in Iraq' })]);
    index.put('pullout', [doc('pullout', 'en', { title: 'US troop pullout from Iraq' })]);
    index.put('apart', [doc('apart', 'en', { title: 'Pullout of the troop ships' })]);
    expect(ids(index, 'iraq -nato')).toEqual(['pullout:en']);
    // Left out whole: its Spanish translation, which says OTAN, goes too.
    index.put('otan', [
      doc('otan', 'en', { title: 'NATO in Iraq' }),
      doc('otan', 'es', { title: 'La OTAN en Irak, Iraq' }),
    ]);
    expect(ids(index, 'iraq -nato', { preferLang: 'es' })).toEqual(['pullout:en']);
    // The documents have no body: a check that finds no phrase there, as the service's would.
    const noBody = () => false;
    const phrase = (query: string) => {
      const request = { query, lang: null, category: null, preferLang: 'en', limit: 10 };
      const { hits, partial } = index.search(request, noBody);
      return partial
        ? ['partial', ...hits.map((hit) => hit.articleId)]
        : hits.map((hit) => hit.articleId);
    };
    expect(phrase('"troop pullout"')).toEqual(['pullout']);
    // No article has the phrase but the one left out: the words apart, as the closest.
    expect(phrase('"troop pullout" -iraq')).toEqual(['partial', 'apart']);
    // The service reads bodies for candidates: those left out by this query are never among them,
    // whatever the query before it left out.
    const candidates = (query: string) =>
      index
        .candidates({ query, lang: null, category: null, preferLang: 'en', limit: 10 }, 10)
        .map((hit) => hit.articleId);
    ids(index, 'iraq');
    expect(candidates('"troop" -iraq')).toEqual(['apart']);
    expect(ids(index, 'pullout troop').sort()).toEqual(['apart:en', 'pullout:en']);
    // An unclosed quote, as while typing, is a phrase to the end.
    expect(phrase('"troop pull')).toEqual(['pullout']);
    expect(phrase('"us troop')).toEqual(['pullout']);
    // Persian: typed with Arabic letters and without the ZWNJ, the phrase still stands.
    index.put('fa', [doc('fa', 'fa', { title: 'کریدور شمال–جنوب شتاب می\u200cگیرد' })]);
    expect(phrase('"شتاب ميگيرد"')).toEqual(['fa']);
    expect(phrase('"كريدور شمال"')).toEqual(['fa']);
  });

  it('asks the phrase check about documents whose title and excerpt lack the phrase', () => {
    const index = new SearchIndex();
    index.put('body', [doc('body', 'en', { title: 'Report', body: 'ground operations in Gaza' })]);
    index.put('apart', [doc('apart', 'en', { title: 'Notes', body: 'operations on the ground' })]);
    const asked: string[] = [];
    const results = index.search(
      { query: '"ground operations"', lang: null, category: null, preferLang: 'en', limit: 10 },
      (hit, phrase) => {
        asked.push(`${hit.articleId}:${phrase.join(' ')}`);
        return hit.articleId === 'body';
      },
    );
    expect(results.hits.map((hit) => hit.articleId)).toEqual(['body']);
    expect(asked.sort()).toEqual(['apart:ground operations', 'body:ground operations']);
  });

  it('shows the closest matches, marked partial, when nothing has every term', () => {
    const index = new SearchIndex();
    index.put('two', [doc('two', 'en', { title: 'Caucasus corridor trade' })]);
    index.put('one', [doc('one', 'en', { title: 'Caucasus mountains' })]);
    const results = ask(index, 'caucasus corridor zanzibar');
    expect(results.partial).toBe(true);
    expect(results.hits.map((hit) => hit.articleId)).toEqual(['two', 'one']);
    expect(ask(index, 'caucasus corridor').partial).toBe(false);
    expect(ask(index, 'zanzibar').hits).toEqual([]);
  });

  it('counts every match and returns the best up to the limit', () => {
    const index = new SearchIndex();
    for (let n = 0; n < 2100; n++) {
      const published = new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toISOString();
      index.put(`a${n}`, [doc(`a${n}`, 'en', { title: 'common word', published })]);
    }
    const results = ask(index, 'common', { limit: 3 });
    expect(results.hits.map((hit) => hit.articleId)).toEqual(['a2099', 'a2098', 'a2097']);
    expect(results.total).toBe(2100);
    expect(results.capped).toBe(false);
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
