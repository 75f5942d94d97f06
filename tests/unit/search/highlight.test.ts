import { describe, expect, it } from 'vitest';
import { highlight, queryTerms, snippet } from '../../../src/lib/search/highlight';

const marked = (text: string, query: string) =>
  highlight(text, queryTerms(query))
    .filter((part) => part.match)
    .map((part) => part.text);

describe('highlight', () => {
  it('marks whole words that start with a query term, after folding', () => {
    expect(marked('La política exterior y los políticos', 'politic')).toEqual([
      'política',
      'políticos',
    ]);
  });

  it('marks the words a typo found, and not the words a query leaves out', () => {
    expect(marked('The withdrawal from Iraq, not NATO', 'withdrawl iraq -nato')).toEqual([
      'withdrawal',
      'Iraq',
    ]);
  });

  it('keeps every character of the text, in order', () => {
    const text = 'São Paulo, a «cidade» — 2026';
    const parts = highlight(text, queryTerms('sao 2026'));
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['São', '2026']);
  });

  it('marks Persian words typed with Arabic letters, and ZWNJ-joined words', () => {
    expect(marked('کریدور شمال–جنوب شتاب می\u200cگیرد', 'كريدور ميگيرد')).toEqual([
      'کریدور',
      'می\u200cگیرد',
    ]);
  });

  it('marks nothing for an empty query', () => {
    expect(highlight('Some text', [])).toEqual([{ text: 'Some text', match: false }]);
  });
});

describe('snippet', () => {
  const long = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The treaty was signed. ${'Tail words here. '.repeat(20)}`;

  it('returns short text as it is', () => {
    expect(snippet('Short text', queryTerms('text'))).toBe('Short text');
  });

  it('cuts around the first match, with ellipses where it cut', () => {
    const cut = snippet(long, queryTerms('treaty'), 100);
    expect(cut).toContain('treaty');
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(102);
  });

  it('starts at the beginning when nothing matches', () => {
    const cut = snippet(long, queryTerms('zebra'), 100);
    expect(cut.startsWith('Lorem')).toBe(true);
  });
});
