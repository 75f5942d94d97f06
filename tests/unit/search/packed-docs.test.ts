import { describe, expect, it } from 'vitest';
import { packDocs, unpackDocs, type PackedDocs } from '../../../src/lib/search/packed-docs';
import type { SearchHit } from '../../../src/lib/search/search-types';

const hits: SearchHit[] = [
  {
    articleId: 'corridor',
    lang: 'en',
    categories: ['political', 'top-news'],
    published: '2026-01-02T10:00:00Z',
    title: 'The corridor',
    excerpt: 'Trade\nand talks',
  },
  {
    articleId: 'corridor',
    lang: 'fa',
    categories: [],
    published: '2026-01-02T10:00:00Z',
    title: 'کریدور',
    excerpt: '',
  },
  {
    articleId: 'odd',
    lang: 'es',
    // An article may name categories the feed does not declare, in any text.
    categories: ['a\nb', '', 'política'],
    published: '2026-01-03T10:00:00Z',
    title: '',
    excerpt: 'Acción',
  },
];

/** Every document of `packed`, as the hits they were packed from. */
function unpacked(packed: PackedDocs): SearchHit[] {
  const columns = unpackDocs(packed);
  return Array.from({ length: columns.count }, (_, at) => ({
    articleId: columns.articles[columns.articleOf[at]!]!,
    lang: columns.langs[columns.langOf[at]!]!,
    categories: columns.categoriesOf[at]!,
    published: columns.published[at]!,
    ...columns.text(at),
  }));
}

describe('packed documents', () => {
  it('give back every field as it was, whatever the text holds', () => {
    expect(unpacked(packDocs(hits))).toEqual(hits);
    expect(unpacked(packDocs([]))).toEqual([]);
  });

  it('keep every field in place when a title ends in half a surrogate pair', () => {
    // A title cut by a feed's own truncation: UTF-8 has no form for the half left.
    const cut = { ...hits[0]!, title: 'Flags \uD83C', excerpt: 'then \uDDEE on' };
    const [back] = unpacked(packDocs([cut, hits[1]!]));
    expect(back).toEqual({ ...cut, title: 'Flags \uFFFD', excerpt: 'then \uFFFD on' });
  });

  it('are refused when a column does not fit the others', () => {
    const packed = packDocs(hits);
    const torn: Partial<PackedDocs>[] = [
      { texts: packed.texts.slice(0, -1) },
      { texts: Uint8Array.of(...packed.texts, 65) },
      { textEnds: packed.textEnds.slice(0, -1) },
      { textEnds: Uint32Array.of(5, 1, packed.texts.length) },
      { articleOf: Uint32Array.of(0, 0, 7) },
      { langOf: Uint32Array.of(0, 9, 0) },
      { categoryCounts: Uint16Array.of(3, 0, 3) },
      { categories: packed.categories.slice(1) },
      { categories: Uint32Array.of(0, 1, 0, 1, 99) },
      {
        names: JSON.stringify({ articles: ['corridor'], langs: [], categories: [], published: [] }),
      },
      { names: '{"articles": "corridor"}' },
    ];
    for (const change of torn) {
      expect(
        () => unpackDocs({ ...packed, ...change }),
        JSON.stringify(Object.keys(change)),
      ).toThrow();
    }
  });
});
