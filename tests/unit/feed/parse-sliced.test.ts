import { describe, expect, it } from 'vitest';
import { FeedError, parseIndexPage } from '../../../src/lib/feed';
import { parseIndexPageSliced } from '../../../src/lib/feed/parse-page';
import { FEED_URL, indexPage, summary } from '../../fixtures/feed';

const options = { label: 'index.json', url: FEED_URL };

function largePage(): unknown {
  const entries: Record<string, unknown>[] = [];
  for (let index = 0; index < 400; index++) entries.push(summary(`a${index}`));
  // Broken entries in different slices, and a duplicate across slices.
  entries[10] = { ...summary('bad-date'), updated: 'not a date' };
  entries[170] = { id: 'no-translations' };
  entries[320] = summary('a5');
  return indexPage(entries);
}

describe('parseIndexPageSliced', () => {
  it('gives the same page as parseIndexPage, yielding between slices', async () => {
    let turns = 0;
    const sliced = await parseIndexPageSliced(largePage(), options, async () => {
      turns++;
    });
    const whole = parseIndexPage(largePage(), options);
    expect(sliced).toEqual(whole);
    expect(sliced.summaries).toHaveLength(397);
    expect(sliced.problems.map((p) => p.field)).toEqual([
      'articles[10].updated',
      'articles[170].href',
      'articles[320].id',
    ]);
    expect(sliced.positions.get('a399')).toBe(399);
    expect(turns).toBeGreaterThanOrEqual(2);
  });

  it('refuses a broken top level with the same error as parseIndexPage', async () => {
    const broken = indexPage([summary('one')], { articles: 'nope' });
    const error = await parseIndexPageSliced(broken, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FeedError);
    expect(() => parseIndexPage(broken, options)).toThrow((error as FeedError).message);
    expect((error as FeedError).problem).toEqual({
      kind: 'invalid',
      file: 'index.json',
      field: 'articles',
      message: 'index.json: articles: must be an array',
    });
  });
});
