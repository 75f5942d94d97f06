// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticFeed } from '../../scripts/synthetic-feed.mjs';

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const SCRIPT_PATH = fileURLToPath(new URL('../../scripts/synthetic-feed.mjs', import.meta.url));

interface Author {
  name: string;
  role?: string;
}

interface SummaryTranslation {
  title: string;
  kind?: string;
  excerpt?: string;
  author?: Author;
  url?: string;
}

interface Summary {
  id: string;
  href: string;
  published: string;
  updated: string;
  categories: string[];
  translations: Record<string, SummaryTranslation>;
}

interface Page {
  version: number;
  site?: { title: Record<string, string>; homepage?: string };
  languages?: { code: string; name: string; dir?: string }[];
  defaultLanguage?: string;
  categories?: { id: string; name: Record<string, string> }[];
  updated: string;
  articles: Summary[];
  next?: string | null;
}

interface ArticleTranslation extends SummaryTranslation {
  lead?: string;
  body: string;
  postId?: number | string;
}

interface Article {
  version: number;
  id: string;
  published: string;
  updated: string;
  categories: string[];
  translations: Record<string, ArticleTranslation>;
}

let tmp: string;
let feedDir: string;
let pages: { name: string; page: Page }[];
let summaries: Summary[];

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

async function readPages(dir: string): Promise<{ name: string; page: Page }[]> {
  const read: { name: string; page: Page }[] = [];
  let name: string | null | undefined = 'index.json';
  while (name) {
    if (read.some((entry) => entry.name === name)) throw new Error(`next loops back to ${name}`);
    const page: Page = await readJson<Page>(path.join(dir, name));
    read.push({ name, page });
    name = page.next;
  }
  return read;
}

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const contents = new Map<string, Buffer>();
  for (const file of files.filter((entry) => entry.isFile())) {
    const full = path.join(file.parentPath, file.name);
    contents.set(path.relative(dir, full), await readFile(full));
  }
  return contents;
}

function wordCount(html: string): number {
  return html
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-synthetic-'));
  feedDir = path.join(tmp, 'feed');
  await writeSyntheticFeed({ count: 25, out: feedDir, pageSize: 10, seed: 1, bodyParagraphs: 3 });
  pages = await readPages(feedDir);
  summaries = pages.flatMap(({ page }) => page.articles);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('writeSyntheticFeed', () => {
  it('writes three pages linked by relative next addresses', () => {
    expect(pages.map(({ name }) => name)).toEqual(['index.json', 'index-2.json', 'index-3.json']);
    expect(pages.map(({ page }) => page.articles.length)).toEqual([10, 10, 5]);
    expect(pages.at(-1)?.page.next ?? null).toBeNull();
    for (const { page } of pages) {
      expect(page.version).toBe(1);
      expect(page.updated).toMatch(RFC3339);
      expect(page.updated).toBe(page.articles[0]?.updated);
    }
  });

  it('puts the site metadata on the first page', () => {
    const first = pages[0]?.page;
    expect(first?.site?.title).toEqual(expect.objectContaining({ en: expect.any(String) }));
    expect(first?.languages?.map((language) => language.code)).toEqual(['en', 'es']);
    expect(first?.defaultLanguage).toBe('en');
    expect(first?.categories?.length).toBeGreaterThanOrEqual(10);
    for (const category of first?.categories ?? []) {
      expect(category.id).toMatch(ID_PATTERN);
      expect(Object.keys(category.name)).toEqual(['en', 'es']);
    }
  });

  it('writes one article file per summary, with unique, valid ids', async () => {
    const files = await readdir(path.join(feedDir, 'articles'));
    expect(files).toHaveLength(25);
    const ids = summaries.map((summary) => summary.id);
    expect(new Set(ids).size).toBe(25);
    for (const summary of summaries) {
      expect(summary.id).toMatch(ID_PATTERN);
      expect(summary.id).toMatch(/^a\d{6}-/);
      expect(summary.href).toBe(`articles/${summary.id}.json`);
      expect(files).toContain(`${summary.id}.json`);
    }
  });

  it('lists articles newest first, about an hour apart, from 2026-11-01', () => {
    const times = summaries.map((summary) => Date.parse(summary.published));
    expect(summaries[0]?.published).toBe('2026-11-01T00:00:00Z');
    for (let i = 1; i < times.length; i += 1) {
      const gap = (times[i - 1] ?? 0) - (times[i] ?? 0);
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThan(2 * 3600 * 1000);
    }
  });

  it('gives every summary both translations and declared categories', () => {
    const declared = new Set(pages[0]?.page.categories?.map((category) => category.id));
    for (const summary of summaries) {
      expect(summary.updated).toBe(summary.published);
      expect(summary.categories.length).toBeGreaterThanOrEqual(1);
      expect(summary.categories.length).toBeLessThanOrEqual(3);
      expect(summary.categories.every((id) => declared.has(id))).toBe(true);
      expect(Object.keys(summary.translations)).toEqual(['en', 'es']);
      for (const translation of Object.values(summary.translations)) {
        expect(translation.title).not.toBe('');
        expect(translation.excerpt).not.toBe('');
        expect(translation.author?.name).not.toBe('');
        expect(translation.author?.role).not.toBe('');
        expect(translation.url).toMatch(/^https:\/\//);
      }
    }
  });

  it('writes articles that agree with their summaries', async () => {
    for (const summary of summaries) {
      const article = await readJson<Article>(path.join(feedDir, summary.href));
      expect(article.version).toBe(1);
      expect(article.id).toBe(summary.id);
      expect(article.published).toBe(summary.published);
      expect(article.updated).toBe(summary.updated);
      expect(article.categories).toEqual(summary.categories);
      for (const [lang, translation] of Object.entries(article.translations)) {
        expect(translation.title).toBe(summary.translations[lang]?.title);
        expect(translation.author).toEqual(summary.translations[lang]?.author);
        expect(translation.lead).not.toBe('');
        expect(translation.postId).toEqual(expect.any(Number));
      }
    }
  });

  it('writes bodies of the asked number of paragraphs of 60 to 100 words', async () => {
    const article = await readJson<Article>(path.join(feedDir, summaries[3]?.href ?? ''));
    for (const translation of Object.values(article.translations)) {
      const paragraphs = translation.body.match(/<p>.*?<\/p>/g) ?? [];
      expect(paragraphs).toHaveLength(3);
      expect(paragraphs.join('')).toBe(translation.body);
      for (const paragraph of paragraphs) {
        expect(wordCount(paragraph)).toBeGreaterThanOrEqual(60);
        expect(wordCount(paragraph)).toBeLessThanOrEqual(100);
      }
    }
  });

  it('writes Spanish text with accents', async () => {
    const bodies = await Promise.all(
      summaries.map((summary) => readJson<Article>(path.join(feedDir, summary.href))),
    );
    const spanish = bodies.map((article) => article.translations.es?.body ?? '').join(' ');
    expect(spanish).toMatch(/[áéíóúñ]/);
    expect(pages[0]?.page.languages?.find((language) => language.code === 'es')?.name).toBe(
      'Español',
    );
  });

  it('is deterministic: the same options give byte-identical files', async () => {
    const again = path.join(tmp, 'again');
    await writeSyntheticFeed({ count: 25, out: again, pageSize: 10, seed: 1, bodyParagraphs: 3 });
    const [first, second] = await Promise.all([snapshot(feedDir), snapshot(again)]);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, bytes] of first) expect(second.get(name)?.equals(bytes)).toBe(true);
  });

  it('gives another seed other articles', async () => {
    const other = path.join(tmp, 'other-seed');
    await writeSyntheticFeed({ count: 3, out: other, pageSize: 10, seed: 2, bodyParagraphs: 3 });
    const [page] = await readPages(other);
    expect(page?.page.articles[0]?.id).not.toBe(summaries[0]?.id);
  });

  it('reports what it wrote', async () => {
    const out = path.join(tmp, 'report');
    const result = await writeSyntheticFeed({ count: 5, out, pageSize: 2 });
    expect(result).toMatchObject({ out, articles: 5, pages: 3 });
    const files = await snapshot(out);
    const bytes = [...files.values()].reduce((sum, file) => sum + file.length, 0);
    expect(result.bytes).toBe(bytes);
  });

  it('writes a valid empty feed for count 0', async () => {
    const out = path.join(tmp, 'empty');
    await writeSyntheticFeed({ count: 0, out, pageSize: 10 });
    const [only, ...rest] = await readPages(out);
    expect(rest).toHaveLength(0);
    expect(only?.page.articles).toEqual([]);
    expect(only?.page.updated).toMatch(RFC3339);
  });

  it('rejects bad options', async () => {
    await expect(writeSyntheticFeed({ count: 5, out: tmp, pageSize: 0 })).rejects.toThrow(
      /pageSize/,
    );
  });
});

describe('synthetic-feed CLI', () => {
  it('writes the feed and prints a one-line summary', async () => {
    const out = path.join(tmp, 'cli');
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [
      SCRIPT_PATH,
      '--count',
      '12',
      '--page-size',
      '5',
      '--out',
      out,
    ]);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toMatch(/12 articles, 3 pages, \d+ bytes/);
    expect((await readPages(out)).map(({ name }) => name)).toEqual([
      'index.json',
      'index-2.json',
      'index-3.json',
    ]);
  });

  it('fails with a message when --out is missing', async () => {
    const run = promisify(execFile);
    await expect(run(process.execPath, [SCRIPT_PATH, '--count', '3'])).rejects.toMatchObject({
      stderr: expect.stringMatching(/--out/),
    });
  });
});
