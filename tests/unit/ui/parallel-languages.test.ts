import { describe, expect, it } from 'vitest';
import {
  choosePair,
  isolate,
  orderedLanguages,
  parallelHref,
  repick,
} from '../../../src/lib/ui/parallel-languages';

const feed = [{ code: 'en' }, { code: 'es' }, { code: 'fa' }];

describe('orderedLanguages', () => {
  it("lists an article's languages in the feed's order, undeclared ones last", () => {
    expect(orderedLanguages(['fa', 'es'], feed)).toEqual(['es', 'fa']);
    expect(orderedLanguages(['de', 'fa', 'EN'], feed)).toEqual(['EN', 'fa', 'de']);
  });
});

describe('choosePair', () => {
  const all = ['en', 'es', 'fa'];

  it('defaults to the preferred language beside the first other one', () => {
    expect(choosePair(all, '', 'en')).toEqual({ a: 'en', b: 'es' });
    expect(choosePair(all, '', 'fa')).toEqual({ a: 'fa', b: 'en' });
    expect(choosePair(['es', 'fa'], '', undefined)).toEqual({ a: 'es', b: 'fa' });
  });

  it('takes both languages from the query, case-insensitively', () => {
    expect(choosePair(all, '?a=fa&b=es', 'en')).toEqual({ a: 'fa', b: 'es' });
    expect(choosePair(all, '?a=EN&b=Fa', 'es')).toEqual({ a: 'en', b: 'fa' });
  });

  it('ignores a language the article lacks, and the same language twice', () => {
    expect(choosePair(all, '?a=de&b=fa', 'es')).toEqual({ a: 'es', b: 'fa' });
    expect(choosePair(all, '?a=fa&b=fa', 'en')).toEqual({ a: 'fa', b: 'en' });
    expect(choosePair(all, '?b=en', 'en')).toEqual({ a: 'en', b: 'es' });
  });

  it('has no pair for an article in fewer than two languages', () => {
    expect(choosePair(['en'], '?a=en&b=fa', 'en')).toBeNull();
    expect(choosePair([], '', 'en')).toBeNull();
  });
});

describe('repick and parallelHref', () => {
  it('changes one side, and swaps when the other side is picked', () => {
    expect(repick({ a: 'en', b: 'fa' }, 'a', 'es')).toEqual({ a: 'es', b: 'fa' });
    expect(repick({ a: 'en', b: 'fa' }, 'b', 'es')).toEqual({ a: 'en', b: 'es' });
    expect(repick({ a: 'en', b: 'fa' }, 'a', 'fa')).toEqual({ a: 'fa', b: 'en' });
    expect(repick({ a: 'en', b: 'fa' }, 'b', 'en')).toEqual({ a: 'fa', b: 'en' });
  });

  it('builds the address of the view, with or without languages', () => {
    expect(parallelHref('parallel-all')).toBe('/article/parallel-all/parallel');
    expect(parallelHref('parallel-all', { a: 'en', b: 'fa' })).toBe(
      '/article/parallel-all/parallel?a=en&b=fa',
    );
  });
});

describe('isolate', () => {
  it('wraps a name in first-strong and pop directional isolates', () => {
    expect(isolate('فارسی')).toBe('\u2068فارسی\u2069');
  });
});
