import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleFile, parseIndexPage, type ParsedArticle } from '../../../src/lib/feed';
import { topLevelBlocks } from '../../../src/lib/render/paragraphs';
import { sanitizeBody } from '../../../src/lib/render/sanitize';

// The sample feed ships with the app (public/content/ is copied to dist/content/): it is what a
// reader sees out of the box, so it carries Persian to make the right-to-left interface reachable.
const FEED_DIR = path.resolve(import.meta.dirname, '../../../public/content');
const FEED_URL = 'https://feed.example/content/index.json';

const readJson = (relative: string): unknown =>
  JSON.parse(readFileSync(path.join(FEED_DIR, relative), 'utf8')) as unknown;

const index = parseIndexPage(readJson('index.json'), { label: 'index.json', url: FEED_URL });
const languages = index.info?.languages ?? [];

function article(id: string): ParsedArticle {
  return parseArticleFile(readJson(`articles/${id}.json`), {
    label: `articles/${id}.json`,
    expectedId: id,
    languages,
  });
}

/** The blocks the side-by-side view pairs by index, cut the way it cuts them. */
const blocks = (parsed: ParsedArticle, code: string): string[] =>
  topLevelBlocks(
    sanitizeBody(
      parsed.translations[code]?.body ?? '',
      new URL(`articles/${parsed.id}.json`, FEED_URL).href,
    ),
  );

const withPersian = index.summaries.filter((summary) => 'fa' in summary.translations);

describe('the sample feed', () => {
  it('declares English, Spanish and Persian, Persian right to left', () => {
    expect(index.problems).toEqual([]);
    expect(languages).toEqual([
      { code: 'en', name: 'English', dir: 'ltr' },
      { code: 'es', name: 'Español', dir: 'ltr' },
      { code: 'fa', name: 'فارسی', dir: 'rtl' },
    ]);
    expect(index.info?.defaultLanguage).toBe('en');
    expect(index.info?.site.title.fa).toBeTruthy();
    for (const category of index.info?.categories ?? []) {
      expect(Object.keys(category.name), category.id).toContain('fa');
    }
  });

  it('has Persian for its main article and at least four others', () => {
    const ids = withPersian.map((summary) => summary.id);
    expect(ids).toContain('truth-about-us-troop-pullout-from-iraq');
    expect(ids.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every Persian body as many paragraphs as the English one, all of them <p>', () => {
    for (const { id } of withPersian) {
      const parsed = article(id);
      const en = blocks(parsed, 'en');
      const fa = blocks(parsed, 'fa');
      expect(en.length, id).toBeGreaterThan(0);
      expect(fa.length, `${id}: Persian paragraphs against English`).toBe(en.length);
      for (const block of fa) expect(block.startsWith('<p>'), `${id}: ${block}`).toBe(true);
    }
  });

  it('has the same Persian languages and titles in each summary and its article file', () => {
    for (const summary of index.summaries) {
      const parsed = article(summary.id);
      expect(parsed.updated).toBe(summary.updated);
      expect(Object.keys(parsed.translations).sort(), summary.id).toEqual(
        Object.keys(summary.translations).sort(),
      );
      expect(parsed.translations.fa?.title).toBe(summary.translations.fa?.title);
    }
  });

  it('writes Persian with Persian letters (ی, ک), not their Arabic look-alikes', () => {
    const persian = withPersian.flatMap((summary) => {
      const fa = article(summary.id).translations.fa;
      return fa
        ? [fa.title, fa.lead ?? '', fa.body, fa.author?.name ?? '', fa.author?.role ?? '']
        : [];
    });
    expect(persian.length).toBeGreaterThan(0);
    for (const text of persian) expect(text).not.toMatch(/[\u064A\u0643]/);
  });
});
