// Writes a deterministic synthetic feed, in the format src/lib/feed/schema.ts reads, for tests
// and benchmarks. Usage:
//   npm run feed:synthetic -- --count 10000 --out DIR [--page-size 500] [--seed 1]
//                             [--body-paragraphs 6]
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CATEGORIES,
  FIRST_NAMES,
  HOMEPAGE,
  KINDS,
  LANGUAGES,
  LAST_NAMES,
  ROLES,
  SITE_TITLE,
  WORDS,
} from './lib/synthetic-vocabulary.mjs';

const NEWEST = Date.parse('2026-11-01T00:00:00Z');
const HOUR_MS = 3600 * 1000;
// Under an hour, so that published dates stay strictly descending.
const MAX_JITTER_SECONDS = 1200;
// Enough parallel writes to keep the disk busy without holding thousands of bodies in memory.
const WRITE_CONCURRENCY = 32;

/** @typedef {'en' | 'es'} Lang */
/** @typedef {() => number} Random */

/**
 * @typedef {object} FeedOptions
 * @property {number} [count] number of articles, default 1000
 * @property {string} out output directory (created if missing)
 * @property {number} [pageSize] summaries per index page, default 500
 * @property {number} [seed] PRNG seed, default 1
 * @property {number} [bodyParagraphs] paragraphs per body, default 6
 */

/**
 * @typedef {object} FeedSummary
 * @property {string} out
 * @property {number} articles
 * @property {number} pages
 * @property {number} bytes
 * @property {number} ms
 */

/**
 * @typedef {object} Translation
 * @property {string} title
 * @property {string} kind
 * @property {string} lead
 * @property {{ name: string, role: string }} author
 * @property {string} url
 */

/**
 * @typedef {object} GeneratedArticle
 * @property {string} id
 * @property {string} published
 * @property {string[]} categories
 * @property {Record<Lang, Translation>} translations
 * @property {Record<Lang, string>} bodies
 * @property {Record<Lang, number>} postIds
 */

/**
 * mulberry32: tiny, fast and good enough for test data; the same seed gives the same stream
 * on every platform.
 * @param {number} seed
 * @returns {Random}
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One stream per article, so article n is the same whatever --count and --page-size are.
 * @param {number} seed
 * @param {number} index
 * @returns {Random}
 */
function articleRandom(seed, index) {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return mulberry32(h ^ (h >>> 16));
}

/**
 * @param {Random} random
 * @param {number} min
 * @param {number} max inclusive
 * @returns {number}
 */
function randomInt(random, min, max) {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * @template T
 * @param {Random} random
 * @param {readonly T[]} list
 * @returns {T}
 */
function pick(random, list) {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/**
 * @param {string} text
 * @returns {string}
 */
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * @param {Random} random
 * @param {Lang} lang
 * @param {number} count
 * @returns {string[]}
 */
function words(random, lang, count) {
  return Array.from({ length: count }, () => pick(random, WORDS[lang]));
}

/**
 * Appends one sentence's words to `tokens`; building one array per text and joining it once
 * is several times faster than concatenating strings for tens of thousands of bodies.
 * @param {string[]} tokens
 * @param {Random} random
 * @param {Lang} lang
 * @param {number} count
 */
function pushSentence(tokens, random, lang, count) {
  const vocabulary = WORDS[lang];
  for (let i = 0; i < count; i += 1) {
    const word = pick(random, vocabulary);
    // An occasional comma, so tokenisers meet punctuation glued to words.
    const comma = i > 0 && i < count - 2 && random() < 0.08 ? ',' : '';
    if (i === 0) tokens.push(capitalize(word));
    else if (i === count - 1) tokens.push(`${word}.`);
    else tokens.push(`${word}${comma}`);
  }
  if (count === 1) tokens[tokens.length - 1] += '.';
}

/**
 * @param {Random} random
 * @param {Lang} lang
 * @param {number} wordCount exact number of words
 * @returns {string}
 */
function prose(random, lang, wordCount) {
  /** @type {string[]} */
  const tokens = [];
  let left = wordCount;
  while (left > 0) {
    const length = Math.min(left, randomInt(random, 8, 16));
    pushSentence(tokens, random, lang, length);
    left -= length;
  }
  return tokens.join(' ');
}

/**
 * @param {Random} random
 * @param {Lang} lang
 * @param {number} paragraphs
 * @returns {string}
 */
function body(random, lang, paragraphs) {
  return Array.from(
    { length: paragraphs },
    () => `<p>${prose(random, lang, randomInt(random, 60, 100))}</p>`,
  ).join('');
}

/**
 * @param {Random} random
 * @returns {string[]} 1 to 3 distinct ids, in declaration order
 */
function pickCategories(random) {
  const wanted = randomInt(random, 1, 3);
  const chosen = new Set();
  while (chosen.size < wanted) chosen.add(pick(random, CATEGORIES).id);
  return CATEGORIES.map((category) => category.id).filter((id) => chosen.has(id));
}

/**
 * @param {number} ms
 * @returns {string}
 */
function rfc3339(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * @param {number} index 0 is the newest article
 * @param {Random} random
 * @returns {string}
 */
function publishedAt(index, random) {
  const jitter = index === 0 ? 0 : randomInt(random, 0, MAX_JITTER_SECONDS - 1);
  return rfc3339(NEWEST - index * HOUR_MS - jitter * 1000);
}

/**
 * @param {number} index
 * @param {number} seed
 * @param {number} bodyParagraphs
 * @returns {GeneratedArticle}
 */
export function generateArticle(index, seed, bodyParagraphs) {
  const random = articleRandom(seed, index);
  const published = publishedAt(index, random);
  const categories = pickCategories(random);
  const kind = pick(random, KINDS);
  const role = pick(random, ROLES);
  const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
  const enTitle = words(random, 'en', randomInt(random, 4, 8));
  const titles = { en: enTitle, es: words(random, 'es', randomInt(random, 4, 8)) };
  const id = `a${String(index + 1).padStart(6, '0')}-${titles.en.slice(0, 6).join('-')}`;
  /** @param {Lang} lang @returns {Translation} */
  const translation = (lang) => ({
    title: capitalize(titles[lang].join(' ')),
    kind: kind[lang],
    lead: prose(random, lang, randomInt(random, 25, 40)),
    author: { name, role: role[lang] },
    url: `${HOMEPAGE}${lang}/${id}/`,
  });
  const translations = { en: translation('en'), es: translation('es') };
  const bodies = { en: body(random, 'en', bodyParagraphs), es: body(random, 'es', bodyParagraphs) };
  const postIds = { en: 100000 + index * 2, es: 100001 + index * 2 };
  return { id, published, categories, translations, bodies, postIds };
}

/**
 * @param {string} lead
 * @returns {string}
 */
function excerptOf(lead) {
  return `${lead.split(' ').slice(0, 20).join(' ')}…`;
}

/**
 * @param {GeneratedArticle} article
 * @returns {object}
 */
function summaryJson(article) {
  /** @param {Lang} lang */
  const translation = (lang) => {
    const { title, kind, lead, author, url } = article.translations[lang];
    return { title, kind, excerpt: excerptOf(lead), author, url };
  };
  return {
    id: article.id,
    href: `articles/${article.id}.json`,
    published: article.published,
    updated: article.published,
    categories: article.categories,
    translations: { en: translation('en'), es: translation('es') },
  };
}

/**
 * @param {GeneratedArticle} article
 * @returns {object}
 */
function articleJson(article) {
  /** @param {Lang} lang */
  const translation = (lang) => {
    const { title, kind, lead, author, url } = article.translations[lang];
    return {
      title,
      kind,
      lead,
      author,
      body: article.bodies[lang],
      url,
      postId: article.postIds[lang],
    };
  };
  return {
    version: 1,
    id: article.id,
    published: article.published,
    updated: article.published,
    categories: article.categories,
    translations: { en: translation('en'), es: translation('es') },
  };
}

/**
 * @param {number} page 0-based
 * @returns {string}
 */
function pageFileName(page) {
  return page === 0 ? 'index.json' : `index-${page + 1}.json`;
}

/**
 * @param {number} page
 * @param {string} updated
 * @returns {object}
 */
function pageHeader(page, updated) {
  if (page > 0) return { version: 1, updated };
  return {
    version: 1,
    site: { title: SITE_TITLE, homepage: HOMEPAGE },
    languages: LANGUAGES,
    defaultLanguage: 'en',
    categories: CATEGORIES,
    updated,
  };
}

/** Streams one index page, one summary per line, so a page never sits whole in memory. */
class PageWriter {
  /** @param {string} filePath */
  constructor(filePath) {
    this.stream = createWriteStream(filePath);
    this.bytes = 0;
    this.entries = 0;
  }

  /** @param {string} text */
  async write(text) {
    this.bytes += Buffer.byteLength(text);
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /**
   * @param {number} page
   * @param {string} updated
   */
  async start(page, updated) {
    const header = JSON.stringify(pageHeader(page, updated));
    await this.write(`${header.slice(0, -1)},"articles":[`);
  }

  /** @param {object} summary */
  async add(summary) {
    await this.write(`${this.entries === 0 ? '\n' : ',\n'}${JSON.stringify(summary)}`);
    this.entries += 1;
  }

  /** @param {string | null} next */
  async finish(next) {
    const close = next === null ? ']}' : `],${JSON.stringify({ next }).slice(1)}`;
    await this.write(`${this.entries === 0 ? '' : '\n'}${close}\n`);
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** Writes article files with bounded parallelism. */
class ArticleWriter {
  /** @param {string} dir */
  constructor(dir) {
    this.dir = dir;
    this.bytes = 0;
    /** @type {Set<Promise<void>>} */
    this.pending = new Set();
    /** @type {unknown} */
    this.failure = undefined;
  }

  /**
   * @param {string} id
   * @param {object} json
   */
  async write(id, json) {
    const text = `${JSON.stringify(json)}\n`;
    this.bytes += Buffer.byteLength(text);
    // Failures are recorded rather than left as unhandled rejections, and rethrown promptly.
    const task = writeFile(path.join(this.dir, `${id}.json`), text).then(
      () => void this.pending.delete(task),
      (error) => {
        this.pending.delete(task);
        this.failure ??= error;
      },
    );
    this.pending.add(task);
    if (this.pending.size >= WRITE_CONCURRENCY) await Promise.race(this.pending);
    this.throwIfFailed();
  }

  async flush() {
    await Promise.all(this.pending);
    this.throwIfFailed();
  }

  throwIfFailed() {
    if (this.failure !== undefined) throw this.failure;
  }
}

/**
 * @param {string} name
 * @param {number} value
 * @param {number} min
 */
function requireInteger(name, value, min) {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
}

/**
 * @typedef {Required<FeedOptions> & { pages: number, articles: ArticleWriter }} FeedPlan
 */

/**
 * Generates the page's articles in order, writing each article file and its summary as it
 * goes: the page's `updated` is its first (newest) article's.
 * @param {FeedPlan} plan
 * @param {number} page
 * @returns {Promise<number>} bytes written for the page file
 */
async function writePage(plan, page) {
  const pageWriter = new PageWriter(path.join(plan.out, pageFileName(page)));
  const first = page * plan.pageSize;
  const end = Math.min(plan.count, first + plan.pageSize);
  if (first >= end) await pageWriter.start(page, rfc3339(NEWEST));
  for (let index = first; index < end; index += 1) {
    const article = generateArticle(index, plan.seed, plan.bodyParagraphs);
    if (index === first) await pageWriter.start(page, article.published);
    await plan.articles.write(article.id, articleJson(article));
    await pageWriter.add(summaryJson(article));
  }
  const last = page === plan.pages - 1;
  await pageWriter.finish(last ? null : pageFileName(page + 1));
  return pageWriter.bytes;
}

/**
 * Writes DIR/index.json, DIR/index-2.json … and DIR/articles/<id>.json. Same options, same
 * bytes. Existing files in DIR are overwritten, never deleted.
 * @param {FeedOptions} options
 * @returns {Promise<FeedSummary>}
 */
export async function writeSyntheticFeed(options) {
  const { count = 1000, out, pageSize = 500, seed = 1, bodyParagraphs = 6 } = options;
  requireInteger('count', count, 0);
  requireInteger('pageSize', pageSize, 1);
  requireInteger('seed', seed, 0);
  requireInteger('bodyParagraphs', bodyParagraphs, 1);
  const started = performance.now();
  const articlesDir = path.join(out, 'articles');
  await mkdir(articlesDir, { recursive: true });
  const articles = new ArticleWriter(articlesDir);
  const pages = Math.max(1, Math.ceil(count / pageSize));
  /** @type {FeedPlan} */
  const plan = { out, count, pageSize, seed, bodyParagraphs, pages, articles };
  let pageBytes = 0;
  for (let page = 0; page < pages; page += 1) pageBytes += await writePage(plan, page);
  await articles.flush();
  const ms = Math.round(performance.now() - started);
  return { out, articles: count, pages, bytes: pageBytes + articles.bytes, ms };
}

/**
 * @param {FeedSummary} summary
 * @returns {string}
 */
export function formatSummary(summary) {
  const megabytes = (summary.bytes / 1024 / 1024).toFixed(1);
  return (
    `synthetic feed: ${summary.articles} articles, ${summary.pages} pages, ` +
    `${summary.bytes} bytes (${megabytes} MiB), ${summary.ms} ms → ${summary.out}`
  );
}

const USAGE =
  'Usage: npm run feed:synthetic -- --count N --out DIR [--page-size 500] [--seed 1] ' +
  '[--body-paragraphs 6]';

/**
 * @param {string} name
 * @param {string | undefined} value
 * @param {number} fallback
 * @returns {number}
 */
function integerArg(name, value, fallback) {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a non-negative integer: ${value}`);
  return Number(value);
}

/**
 * @param {string[]} argv
 * @returns {FeedOptions | null} null when help was asked for
 */
export function parseCliArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string' },
      out: { type: 'string' },
      'page-size': { type: 'string' },
      seed: { type: 'string' },
      'body-paragraphs': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  if (!values.out) throw new Error(`--out DIR is required.\n${USAGE}`);
  return {
    out: path.resolve(values.out),
    count: integerArg('count', values.count, 1000),
    pageSize: integerArg('page-size', values['page-size'], 500),
    seed: integerArg('seed', values.seed, 1),
    bodyParagraphs: integerArg('body-paragraphs', values['body-paragraphs'], 6),
  };
}

async function main() {
  const options = parseCliArgs(process.argv.slice(2));
  if (options === null) {
    console.log(USAGE);
    return;
  }
  console.log(formatSummary(await writeSyntheticFeed(options)));
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
