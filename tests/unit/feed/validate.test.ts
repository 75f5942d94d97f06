import { describe, expect, it } from 'vitest';
import { validateFeed } from '../../../src/lib/feed/validate';
import { FEED_URL, articleFor, indexPage, summary } from '../../fixtures/feed';
import { stubNetwork } from '../../fixtures/network';

const at = (file: string) => new URL(file, FEED_URL).href;
const dated = (id: string, day: number) => {
  const date = `2026-11-${String(day).padStart(2, '0')}T00:00:00Z`;
  return summary(id, { published: date, updated: date });
};

function feed(pages: Record<string, unknown>, articles: Record<string, unknown>[]) {
  const routes: Record<string, unknown> = {};
  for (const [file, page] of Object.entries(pages)) routes[at(file)] = page;
  for (const article of articles) routes[at(`articles/${String(article.id)}.json`)] = article;
  return stubNetwork(routes);
}

describe('validateFeed', () => {
  it('passes a valid paged feed, counting pages and article files', async () => {
    const first = [dated('a3', 3), dated('a2', 2)];
    const second = [dated('a1', 1)];
    const network = feed(
      {
        'index.json': indexPage(first, { next: 'index-2.json' }),
        'index-2.json': { version: 1, updated: '2026-11-01T00:00:00Z', articles: second },
      },
      [...first, ...second].map(articleFor),
    );
    expect(await validateFeed(FEED_URL, { fetch: network.fetch })).toEqual({
      problems: [],
      warnings: [],
      pages: 2,
      articles: 3,
    });
  });

  it('reports order, cross-page duplicates, updated mismatches and missing files', async () => {
    const first = [dated('old', 1), dated('new', 5)];
    const network = feed(
      {
        'index.json': indexPage(first, { next: 'index-2.json' }),
        'index-2.json': {
          version: 1,
          updated: '2026-11-01T00:00:00Z',
          articles: [dated('new', 5)],
        },
      },
      [
        articleFor(first[0] as Record<string, unknown>),
        { ...articleFor(first[1] as Record<string, unknown>), updated: '2026-11-09T00:00:00Z' },
      ],
    );
    const report = await validateFeed(FEED_URL, { fetch: network.fetch });
    expect(report.problems.sort()).toEqual([
      'articles/new.json: updated: "2026-11-09T00:00:00Z" differs from the summary\'s "2026-11-05T00:00:00Z"',
      'index-2.json: articles[0].id: "new" is also in index.json',
      'index.json: articles[1].published: articles must be newest first',
    ]);
  });

  it('warns about an undeclared category without calling it a problem', async () => {
    const entry = summary('x', { categories: ['political', 'elsewhere'] });
    const network = feed({ 'index.json': indexPage([entry]) }, [articleFor(entry)]);
    const report = await validateFeed(FEED_URL, { fetch: network.fetch });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([
      'index.json: articles[0].categories[1]: "elsewhere" is not declared',
    ]);
  });

  it('reports a refused index with its file and field, and stops at a page cycle', async () => {
    const bad = feed({ 'index.json': indexPage([], { defaultLanguage: 'fr' }) }, []);
    expect((await validateFeed(FEED_URL, { fetch: bad.fetch })).problems).toEqual([
      'index.json: defaultLanguage: "fr" is not one of languages[].code',
    ]);
    const loop = feed(
      {
        'index.json': indexPage([], { next: 'index-2.json' }),
        'index-2.json': {
          version: 1,
          updated: '2026-11-01T00:00:00Z',
          articles: [],
          next: 'index.json',
        },
      },
      [],
    );
    expect(await validateFeed(FEED_URL, { fetch: loop.fetch })).toMatchObject({
      pages: 2,
      problems: [],
    });
  });
});
