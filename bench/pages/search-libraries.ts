// Bench page of figure 8: Folio's search index beside MiniSearch and Orama on the same documents.
// One engine per page: `build` indexes the synthetic feed's articles (read as seed.ts reads them,
// through the app's own parsers, and turned into documents by the app's documentsFor) and stores
// the engine's persisted form in IndexedDB; a fresh page then `coldLoad`s it and is asked
// queries. bench/figures/search-libraries.mjs drives window.folioBench.
import type { StoredArticle, StoredSummary } from '../../src/lib/db';
import {
  feedRootOf,
  fileLabel,
  parseArticleFile,
  readPages,
  type Language,
  type ParsedSummary,
} from '../../src/lib/feed';
import { documentsFor } from '../../src/lib/search/documents';
import type { SearchDocument } from '../../src/lib/search/search-types';
import {
  engine,
  miniSearchSyncLoadMs,
  type AskOptions,
  type Engine,
  type EngineName,
  type Hit,
} from './search-engines';

const DB_NAME = 'folio-bench-search-libraries';
const STORE = 'persisted';
const TIMEOUT_MS = 60_000;

function request<T>(asked: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    asked.onsuccess = () => resolve(asked.result);
    asked.onerror = () => reject(asked.error ?? new Error('IndexedDB request failed'));
  });
}

async function openDb(): Promise<IDBDatabase> {
  const opening = indexedDB.open(DB_NAME, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
  return request(opening);
}

async function idbPut(key: string, value: unknown): Promise<void> {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(value, key);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  } finally {
    db.close();
  }
}

async function idbGet(key: string): Promise<unknown> {
  const db = await openDb();
  try {
    return await request(db.transaction(STORE).objectStore(STORE).get(key));
  } finally {
    db.close();
  }
}

/**
 * Chromium refuses an IndexedDB value over 127 MB (133,169,152 bytes): a persisted string is
 * stored in slices of this many characters (at most 100 MB even as two-byte characters).
 */
const SLICE_CHARS = 50_000_000;

interface Sliced {
  slices: number;
}

const isSliced = (value: unknown): value is Sliced =>
  typeof value === 'object' && value !== null && 'slices' in value;

/** Stores a persisted form under `key`: structured data as it is, a string in slices. */
async function storePersisted(key: string, persisted: unknown): Promise<void> {
  if (typeof persisted !== 'string') {
    await idbPut(key, persisted);
    return;
  }
  const slices = Math.ceil(persisted.length / SLICE_CHARS);
  for (let i = 0; i < slices; i++) {
    await idbPut(`${key}#${i}`, persisted.slice(i * SLICE_CHARS, (i + 1) * SLICE_CHARS));
  }
  await idbPut(key, { slices } satisfies Sliced);
}

/** What storePersisted stored, the string joined again. */
async function readPersisted(key: string): Promise<unknown> {
  const stored = await idbGet(key);
  if (!isSliced(stored)) return stored;
  const parts: string[] = [];
  for (let i = 0; i < stored.slices; i++) parts.push((await idbGet(`${key}#${i}`)) as string);
  return parts.join('');
}

/** A summary as the database holds it: documentsFor reads only the parsed fields. */
const stored = (summary: ParsedSummary): StoredSummary => ({
  ...summary,
  publishedMs: Date.parse(summary.published),
  categoryKeys: [],
});

/**
 * Every article of the feed as the documents Folio indexes, a body bundle at a time (never all
 * bodies at once: 50,000 articles are about 450 MB of JSON).
 */
async function* feedDocuments(feedUrl: string, bodies: string[]): AsyncGenerator<SearchDocument[]> {
  const summaries = new Map<string, ParsedSummary>();
  let languages: Language[] = [];
  for await (const page of readPages(feedUrl, {
    fetch: (input, init) => fetch(input, init),
    timeoutMs: TIMEOUT_MS,
  })) {
    for (const summary of page.summaries) summaries.set(summary.id, summary);
    if (page.info) languages = page.info.languages;
  }
  const root = feedRootOf(feedUrl);
  for (const bundle of bodies) {
    const response = await fetch(bundle);
    if (!response.ok) throw new Error(`${bundle}: HTTP ${response.status}`);
    const files: unknown = await response.json();
    if (!Array.isArray(files)) throw new Error(`${bundle} is not an array`);
    for (const file of files) {
      const id = (file as { id?: unknown }).id;
      const summary = typeof id === 'string' ? summaries.get(id) : undefined;
      if (!summary) continue;
      const parsed = parseArticleFile(file, {
        label: fileLabel(summary.href, root),
        expectedId: summary.id,
        languages,
      });
      const article: StoredArticle = { ...parsed, url: summary.href, fetchedAt: Date.now() };
      yield documentsFor(stored(summary), article);
    }
  }
}

export interface BuildResult {
  articles: number;
  documents: number;
  /** Time spent inside the engine's add(): indexing only, not reading or parsing the feed. */
  buildMs: number;
  /** Time to produce the persisted form. */
  persistMs: number;
  /**
   * Characters of the persisted string (MiniSearch); for structured data (Folio, Orama) an
   * estimate: bytes of typed arrays, characters of strings, 8 a number.
   */
  persistedSize: number;
  /** Why the index built but could not be persisted. */
  persistError?: string;
}

function sizeOf(persisted: unknown): number {
  if (typeof persisted === 'string') return persisted.length;
  let size = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') size += value.length;
    else if (ArrayBuffer.isView(value)) size += value.byteLength;
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
    else if (typeof value === 'number') size += 8;
  };
  visit(persisted);
  return size;
}

/**
 * Builds `name` over every article of the feed and stores its persisted form; fails when the
 * build takes longer than `timeoutMs`.
 */
async function build(options: {
  engine: EngineName;
  feedUrl: string;
  bodies: string[];
  timeoutMs: number;
}): Promise<BuildResult> {
  const built = engine(options.engine);
  const deadline = performance.now() + options.timeoutMs;
  let articles = 0;
  let documents = 0;
  let buildMs = 0;
  for await (const batch of feedDocuments(options.feedUrl, options.bodies)) {
    const start = performance.now();
    await built.add(batch);
    buildMs += performance.now() - start;
    articles++;
    documents += batch.length;
    if (performance.now() > deadline) {
      throw new Error(
        `build over ${Math.round(options.timeoutMs / 60_000)} min (${articles} articles indexed)`,
      );
    }
  }
  const start = performance.now();
  try {
    const persisted = built.persist();
    const persistMs = performance.now() - start;
    await storePersisted(options.engine, persisted);
    return { articles, documents, buildMs, persistMs, persistedSize: sizeOf(persisted) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /invalid string length/i.test(message)
      ? "its JSON is longer than V8's longest string (~536 M chars)"
      : message;
    return {
      articles,
      documents,
      buildMs,
      persistMs: Number.NaN,
      persistedSize: 0,
      persistError: reason,
    };
  }
}

let loaded: Engine | null = null;

export interface ColdLoad {
  /** Reading the persisted form from IndexedDB (reported apart). */
  readMs: number;
  /** From the persisted form in memory to the first query answered. */
  coldMs: number;
  firstHits: number;
  /** MiniSearch only: the same with its synchronous loadJSON (reported in the JSON). */
  syncLoadMs: number | undefined;
}

/** Loads the engine stored by `build` into this page and answers `firstQuery`. */
async function coldLoad(options: { engine: EngineName; firstQuery: string }): Promise<ColdLoad> {
  const readStart = performance.now();
  const persisted = await readPersisted(options.engine);
  const readMs = performance.now() - readStart;
  if (persisted === undefined) throw new Error(`no persisted ${options.engine} index: build first`);
  const start = performance.now();
  const fresh = engine(options.engine);
  await fresh.load(persisted);
  const hits = await fresh.search(options.firstQuery);
  const coldMs = performance.now() - start;
  // Only the engine stays: the persisted form goes with this call, before heap is read.
  loaded = fresh;
  const syncLoadMs =
    options.engine === 'minisearch'
      ? await miniSearchSyncLoadMs(persisted as string, options.firstQuery)
      : undefined;
  return { readMs, coldMs, firstHits: hits.length, syncLoadMs };
}

function current(): Engine {
  if (!loaded) throw new Error('no engine loaded: coldLoad first');
  return loaded;
}

/** Each query asked in turn, `rounds` times: durations per round, in the order of `queries`. */
async function timeQueries(options: { queries: string[]; rounds: number }): Promise<number[][]> {
  const asked = current();
  const rounds: number[][] = [];
  for (let round = 0; round < options.rounds; round++) {
    const times: number[] = [];
    for (const query of options.queries) {
      const start = performance.now();
      await asked.search(query);
      times.push(performance.now() - start);
    }
    rounds.push(times);
  }
  return rounds;
}

/** The hits of each query, for the judged set: asked one after another. */
async function searchAll(asks: { query: string; options: AskOptions }[]): Promise<Hit[][]> {
  const asked = current();
  const answers: Hit[][] = [];
  for (const { query, options } of asks) answers.push(await asked.search(query, options));
  return answers;
}

/**
 * Builds `name` over the documents at `documentsUrl` (the judged set's corpus, written by the
 * bench as documentsFor made them), articles in id order as the judged set's own index takes
 * them, and keeps it loaded through its persisted form, as a fresh page would load it.
 */
async function buildFrom(options: {
  engine: EngineName;
  documentsUrl: string;
}): Promise<{ articles: number; documents: number }> {
  const response = await fetch(options.documentsUrl);
  if (!response.ok) throw new Error(`${options.documentsUrl}: HTTP ${response.status}`);
  const documents = (await response.json()) as SearchDocument[];
  const byArticle = new Map<string, SearchDocument[]>();
  for (const document of documents) {
    const list = byArticle.get(document.articleId);
    if (list) list.push(document);
    else byArticle.set(document.articleId, [document]);
  }
  const built = engine(options.engine);
  const ids = [...byArticle.keys()].sort((a, b) => (a < b ? -1 : 1));
  for (const id of ids) await built.add(byArticle.get(id) as SearchDocument[]);
  const fresh = engine(options.engine);
  await fresh.load(built.persist());
  loaded = fresh;
  return { articles: ids.length, documents: documents.length };
}

const api = { build, coldLoad, timeQueries, searchAll, buildFrom };
export type SearchLibrariesApi = typeof api;
(globalThis as unknown as { folioBench: SearchLibrariesApi }).folioBench = api;
document.documentElement.dataset.benchReady = 'true';
