import { describe, expect, it } from 'vitest';
import { resultHref, searchHref, searchParamsFrom } from '../../../src/lib/search/url';

describe('search addresses', () => {
  it('reads the query and filters, ignoring malformed filters', () => {
    expect(searchParamsFrom('?q=pol%C3%ADtica&c=top-news&in=es')).toEqual({
      q: 'política',
      category: 'top-news',
      lang: 'es',
    });
    expect(searchParamsFrom('?c=Not%20an%20id&in=%3Cx%3E')).toEqual({
      q: '',
      category: null,
      lang: null,
    });
  });

  it('writes what it reads, leaving out what is empty', () => {
    const params = { q: 'São Paulo', category: 'europe', lang: 'es' };
    expect(searchParamsFrom(searchHref(params).slice('/search'.length))).toEqual(params);
    expect(searchHref({ q: '', category: null, lang: null })).toBe('/search');
  });

  it('links a result in the reader’s language plainly, and any other with ?lang=', () => {
    expect(resultHref('gulf', 'en', 'en')).toBe('/article/gulf');
    expect(resultHref('gulf', 'fa', 'en')).toBe('/article/gulf?lang=fa');
  });
});
