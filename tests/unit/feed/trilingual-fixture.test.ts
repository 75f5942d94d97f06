// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArticleFile, parseIndexPage, type ParsedArticle } from '../../../src/lib/feed';

// The fixture is served by end-to-end tests, so it must stay a feed that Folio accepts untouched.
const FEED_DIR = fileURLToPath(new URL('../../fixtures/feeds/trilingual/', import.meta.url));
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

const paragraphCount = (html: string | undefined): number =>
  (html ?? '').match(/<p>/g)?.length ?? 0;

describe('the trilingual test feed', () => {
  it('has a first page with no problems, three languages and Persian right to left', () => {
    expect(index.problems).toEqual([]);
    expect(index.next).toBeNull();
    expect(languages).toEqual([
      { code: 'en', name: 'English', dir: 'ltr' },
      { code: 'es', name: 'Español', dir: 'ltr' },
      { code: 'fa', name: 'فارسی', dir: 'rtl' },
    ]);
    expect(index.info?.defaultLanguage).toBe('en');
    const categories = index.info?.categories ?? [];
    expect(categories.length).toBeGreaterThanOrEqual(3);
    for (const category of categories) {
      expect(Object.keys(category.name).sort()).toEqual(['en', 'es', 'fa']);
    }
  });

  it('lists its articles newest first, each with the languages its tests rely on', () => {
    expect(index.summaries.map((s) => [s.id, Object.keys(s.translations)])).toEqual([
      ['parallel-all', ['en', 'es', 'fa']],
      ['parallel-uneven', ['en', 'fa']],
      ['english-only', ['en']],
      ['fa-es', ['fa', 'es']],
    ]);
    const published = index.summaries.map((s) => Date.parse(s.published));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
    for (const entry of index.summaries) {
      for (const translation of Object.values(entry.translations)) {
        expect(translation.kind).toBeTruthy();
        expect(translation.excerpt).toBeTruthy();
        expect(translation.author?.name).toBeTruthy();
      }
    }
  });

  it('has one article file per summary, each parsing with no problem and matching it', () => {
    const files = readdirSync(path.join(FEED_DIR, 'articles')).sort();
    expect(files).toEqual(index.summaries.map((s) => `${s.id}.json`).sort());
    for (const entry of index.summaries) {
      const parsed = article(entry.id);
      expect(entry.href).toBe(`https://feed.example/content/articles/${entry.id}.json`);
      expect(parsed.updated).toBe(entry.updated);
      expect(Object.keys(parsed.translations)).toEqual(Object.keys(entry.translations));
      for (const [code, translation] of Object.entries(parsed.translations)) {
        expect(translation.title).toBe(entry.translations[code]?.title);
        expect(translation.lead).toBeTruthy();
        expect(translation.author?.role).toBeTruthy();
        expect(paragraphCount(translation.body)).toBeGreaterThan(0);
      }
    }
  });

  it('gives parallel-all four paragraphs in every language and parallel-uneven 3 against 2', () => {
    const all = article('parallel-all').translations;
    expect(['en', 'es', 'fa'].map((code) => paragraphCount(all[code]?.body))).toEqual([4, 4, 4]);
    const uneven = article('parallel-uneven').translations;
    expect(paragraphCount(uneven.en?.body)).toBe(3);
    expect(paragraphCount(uneven.fa?.body)).toBe(2);
  });

  it('writes Persian with Persian letters (ی, ک), not their Arabic look-alikes', () => {
    const persian = index.summaries.flatMap((entry) => {
      const fa = article(entry.id).translations.fa;
      return fa ? [fa.title, fa.lead ?? '', fa.body] : [];
    });
    expect(persian.length).toBeGreaterThan(0);
    for (const text of persian) {
      expect(text).not.toMatch(/[\u064A\u0643]/);
      expect(text).toMatch(/[\u06CC\u06A9]/);
    }
  });
});
