import { describe, expect, it } from 'vitest';
import { FeedError, parseIndexPage } from '../../../src/lib/feed';
import { FEED_URL, indexPage, summary } from '../../fixtures/feed';

const parse = (data: unknown, languages?: Parameters<typeof parseIndexPage>[1]['languages']) =>
  parseIndexPage(data, { label: 'index.json', url: FEED_URL, languages });

function refusal(data: unknown): FeedError {
  try {
    parse(data);
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected the page to be refused');
}

describe('parseIndexPage: valid feeds', () => {
  it('reads a two-language feed and resolves addresses against the file URL', () => {
    const page = parse(indexPage([summary('one'), summary('two')], { next: 'index-2.json' }));
    expect(page.info?.languages.map((l) => l.code)).toEqual(['en', 'es']);
    expect(page.info?.defaultLanguage).toBe('en');
    expect(page.summaries.map((s) => s.id)).toEqual(['one', 'two']);
    expect(page.summaries[0]?.href).toBe('https://feed.example/content/articles/one.json');
    expect(page.next).toBe('https://feed.example/content/index-2.json');
    expect(page.problems).toEqual([]);
  });

  it('reads a one-language feed, with dir defaulting to ltr', () => {
    const page = parse(
      indexPage([summary('solo', { translations: { en: { title: 'Only English' } } })], {
        languages: [{ code: 'en', name: 'English' }],
      }),
    );
    expect(page.info?.languages).toEqual([{ code: 'en', name: 'English', dir: 'ltr' }]);
    expect(page.summaries[0]?.translations.en?.title).toBe('Only English');
  });

  it('reads a feed with several languages, right-to-left included', () => {
    const languages = [
      { code: 'en', name: 'English' },
      { code: 'fa', name: 'فارسی', dir: 'rtl' },
      { code: 'pt-BR', name: 'Português' },
    ];
    const entry = summary('multi', {
      translations: { en: { title: 'Hello' }, fa: { title: 'سلام' }, 'pt-br': { title: 'Olá' } },
    });
    const page = parse(indexPage([entry], { languages }));
    expect(page.info?.languages[1]?.dir).toBe('rtl');
    // Tags compare case-insensitively and are stored as the feed declares them.
    expect(Object.keys(page.summaries[0]?.translations ?? {})).toEqual(['en', 'fa', 'pt-BR']);
  });

  it('accepts an empty article list, unknown fields, undeclared categories and offsets', () => {
    expect(parse(indexPage([])).summaries).toEqual([]);
    const page = parse(
      indexPage(
        [
          summary('x', {
            categories: ['not-declared'],
            published: '2026-11-01T10:00:00+02:00',
            updated: '2026-11-01T08:00:00Z',
            futureField: { anything: true },
          }),
        ],
        { extra: 'ignored' },
      ),
    );
    expect(page.summaries[0]?.categories).toEqual(['not-declared']);
    expect(page.problems).toEqual([]);
  });

  it('reads removed and purged from the first page only', () => {
    const first = parse(indexPage([], { removed: ['old'], purged: ['gone'] }));
    expect(first.removed).toEqual(['old']);
    expect(first.purged).toEqual(['gone']);
    const later = parse(indexPage([], { removed: ['old'] }), first.info?.languages);
    expect(later.removed).toEqual([]);
    expect(later.info).toBeUndefined();
  });

  it('does not require feed metadata on a later page', () => {
    const languages = parse(indexPage([])).info?.languages;
    const page = parse(
      { version: 1, updated: '2026-11-20T10:00:00Z', articles: [summary('z')] },
      languages,
    );
    expect(page.summaries.map((s) => s.id)).toEqual(['z']);
  });
});

describe('parseIndexPage: a broken top level refuses the whole file', () => {
  it.each([
    ['an array', [], 'index.json: expected a JSON object, found an array'],
    ['a string', 'feed', 'index.json: expected a JSON object, found string'],
    ['null', null, 'index.json: expected a JSON object, found null'],
  ])('refuses %s at the top level', (_name, data, message) => {
    expect(refusal(data).message).toBe(message);
  });

  it('refuses a newer version with a clear message', () => {
    const error = refusal(indexPage([], { version: 2 }));
    expect(error.problem.kind).toBe('version');
    expect(error.message).toMatch(
      /^index\.json: version: feed version 2 is newer than this app reads/,
    );
  });

  it.each([
    ['version', { version: '1' }, 'version'],
    ['updated', { updated: undefined }, 'updated'],
    ['articles', { articles: {} }, 'articles'],
    ['languages', { languages: 'en' }, 'languages'],
    [
      'a language dir',
      { languages: [{ code: 'fa', name: 'فارسی', dir: 'up' }] },
      'languages[0].dir',
    ],
    ['a category id', { categories: [{ id: 'Top News', name: {} }] }, 'categories[0].id'],
    ['an invalid updated date', { updated: '20/11/2026' }, 'updated'],
    ['a date without offset', { updated: '2026-11-20T10:00:00' }, 'updated'],
  ])('names the field when %s is wrong', (_name, overrides, field) => {
    const error = refusal(indexPage([], overrides));
    expect(error.problem.kind).toBe('invalid');
    expect(error.problem.field).toBe(field);
    expect(error.message.startsWith(`index.json: ${field}: `)).toBe(true);
  });

  it('says a missing field is required', () => {
    expect(refusal(indexPage([], { updated: undefined })).message).toBe(
      'index.json: updated: is required',
    );
  });

  it.each(['site', 'languages', 'defaultLanguage', 'categories'])(
    'requires %s on the first page',
    (field) => {
      const error = refusal(indexPage([], { [field]: undefined }));
      expect(error.message).toBe(`index.json: ${field}: is required on the first page`);
    },
  );

  it('refuses a default language that is not declared', () => {
    expect(refusal(indexPage([], { defaultLanguage: 'fr' })).message).toBe(
      'index.json: defaultLanguage: "fr" is not one of languages[].code',
    );
  });
});

describe('parseIndexPage: one bad article is skipped alone', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'a missing title',
      summary('bad', { translations: { en: { kind: 'Opinion' } } }),
      'articles[1].translations.en.title',
    ],
    [
      'an undeclared language key',
      summary('bad', { translations: { en: { title: 'T' }, fr: { title: 'F' } } }),
      'articles[1].translations.fr',
    ],
    ['an id that tries path traversal', summary('../x'), 'articles[1].id'],
    ['an invalid date', summary('bad', { published: 'yesterday' }), 'articles[1].published'],
    [
      'updated before published',
      summary('bad', { published: '2026-11-02T00:00:00Z', updated: '2026-11-01T00:00:00Z' }),
      'articles[1].updated',
    ],
    ['no translations', summary('bad', { translations: {} }), 'articles[1].translations'],
    ['a missing href', summary('bad', { href: undefined }), 'articles[1].href'],
    ['an entry that is not an object', 42 as unknown as Record<string, unknown>, 'articles[1]'],
  ];

  it.each(cases)('skips %s and keeps the rest', (_name, bad, field) => {
    const page = parse(indexPage([summary('first'), bad, summary('last')]));
    expect(page.summaries.map((s) => s.id)).toEqual(['first', 'last']);
    expect(page.problems).toHaveLength(1);
    expect(page.problems[0]?.field).toBe(field);
    expect(page.problems[0]?.message).toMatch(
      new RegExp(`^index\\.json: ${escape(field)}: .+; article skipped$`),
    );
  });

  it('skips a later duplicate of an id within one page', () => {
    const page = parse(
      indexPage([summary('same'), summary('same', { translations: { en: { title: 'Second' } } })]),
    );
    expect(page.summaries).toHaveLength(1);
    expect(page.summaries[0]?.translations.en?.title).toBe('Title same');
    expect(page.problems[0]?.message).toBe(
      'index.json: articles[1].id: duplicate id "same"; article skipped',
    );
  });

  it('keeps the first of a repeated category id or language code, and says so', () => {
    const page = parse(
      indexPage([summary('one')], {
        languages: [
          { code: 'en', name: 'English' },
          { code: 'es', name: 'Español' },
          { code: 'EN', name: 'English again' },
        ],
        categories: [
          { id: 'political', name: { en: 'Political' } },
          { id: 'top-news', name: { en: 'Top news' } },
          { id: 'political', name: { en: 'Politics, twice' } },
        ],
      }),
    );
    expect(page.info?.languages.map((language) => language.name)).toEqual(['English', 'Español']);
    expect(page.info?.categories.map((category) => category.name.en)).toEqual([
      'Political',
      'Top news',
    ]);
    expect(page.problems.map((problem) => problem.message)).toEqual([
      'index.json: languages[2].code: duplicate code "en"; ignored',
      'index.json: categories[2].id: duplicate id "political"; ignored',
    ]);
    expect(page.summaries.map((s) => s.id)).toEqual(['one']);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
