// The three search engines of figure 8 behind one interface: Folio's own index (src/lib/search/),
// MiniSearch 7 and Orama 3, configured alike. Same fields and boosts as Folio's BM25F (title,
// lead and excerpt, author, body: BOOST below), prefix search, one typo for terms of five letters
// or more, and Folio's own folding and tokenising (normalise.ts `terms()`) as each library's
// tokenizer, so that accents, Persian letter variants and ZWNJ read the same everywhere. Every
// engine is asked through Folio's query syntax (query.ts `parseQuery`): words all required,
// `-word` leaves out the whole article, one hit per article; a quoted phrase counts as its words
// (the libraries cannot check phrases, and no engine here has the bodies to check them in).
// Each keeps only what a result needs: the article id and the language.
import MiniSearch, { type Query as MiniQuery } from 'minisearch';
import {
  components,
  count as oramaCount,
  create,
  insertMultiple,
  load as oramaLoad,
  save as oramaSave,
  search as oramaSearch,
  type AnyOrama,
  type RawData,
} from '@orama/orama';
import { terms } from '../../src/lib/search/normalise';
import { parseQuery } from '../../src/lib/search/query';
import { SearchIndex, type IndexData } from '../../src/lib/search/search-index';
import type { SearchDocument } from '../../src/lib/search/search-types';
import { MIN_TYPO_LENGTH } from '../../src/lib/search/typos';
import { PREFIX_FACTOR, TYPO_FACTOR } from '../../src/lib/search/variants';

export type EngineName = 'folio' | 'minisearch' | 'orama';
export const ENGINES: readonly EngineName[] = ['folio', 'minisearch', 'orama'];

/** What a result needs. */
export interface Hit {
  articleId: string;
  lang: string;
}

/** Results asked for per query, as the app's search page asks (warm-up.ts, the page: 50). */
export const LIMIT = 50;

/** How a query is asked, as the judged set asks it (tests/fixtures/search-judgements). */
export interface AskOptions {
  /** At most this many articles; LIMIT by default. */
  limit?: number;
  /** Only translations in this language; null or absent for every language. */
  filterLang?: string | null;
  /** The reader's language: the translation shown when several match (Folio only). */
  preferLang?: string;
}

/**
 * Folio's field weights, as the libraries' boosts: weights.ts's TITLE, SUMMARY, AUTHOR and
 * BODY (not exported; keep in step). Issue 18 started at 3, 2, 1.5, 1; the judged set moved
 * Folio's to 8, 4, 2, 1.
 */
const BOOST = { title: 8, summary: 4, author: 2, body: 1 };
const FIELDS = ['title', 'summary', 'author', 'body'] as const;

/** One engine: built, persisted, loaded from what was persisted, asked. */
export interface Engine {
  /** Indexes documents (all translations of an article in one call). */
  add(documents: SearchDocument[]): Promise<void>;
  /** The persisted form: what IndexedDB would hold (structured data or a string). */
  persist(): unknown;
  /** Replaces the engine's contents with a persisted form. */
  load(persisted: unknown): Promise<void>;
  /** One hit per article, best first. */
  search(query: string, options?: AskOptions): Promise<Hit[]>;
}

/**
 * Hits in order, the first of each article only, in the language filtered for: the libraries
 * rank translations, Folio ranks articles (by their best translation, which is the first).
 */
function perArticle(hits: Iterable<Hit>, leftOut: Set<string>, options: AskOptions): Hit[] {
  const seen = new Set<string>();
  const found: Hit[] = [];
  const limit = options.limit ?? LIMIT;
  const lang = options.filterLang ?? null;
  for (const hit of hits) {
    if (seen.has(hit.articleId) || leftOut.has(hit.articleId)) continue;
    if (lang !== null && hit.lang !== lang) continue;
    seen.add(hit.articleId);
    found.push(hit);
    if (found.length >= limit) break;
  }
  return found;
}

class FolioEngine implements Engine {
  private index = new SearchIndex();

  add(documents: SearchDocument[]): Promise<void> {
    const first = documents[0];
    if (first) this.index.put(first.articleId, documents);
    return Promise.resolve();
  }

  persist(): IndexData {
    return this.index.pack();
  }

  load(persisted: unknown): Promise<void> {
    this.index = new SearchIndex();
    this.index.load(persisted as IndexData);
    return Promise.resolve();
  }

  search(query: string, options: AskOptions = {}): Promise<Hit[]> {
    const { hits } = this.index.search({
      query,
      limit: options.limit ?? LIMIT,
      lang: options.filterLang ?? null,
      category: null,
      preferLang: options.preferLang ?? 'en',
    });
    return Promise.resolve(hits.map(({ articleId, lang }) => ({ articleId, lang })));
  }
}

interface MiniDocument {
  id: number;
  articleId: string;
  lang: string;
  title: string;
  summary: string;
  author: string;
  body: string;
}

/** Folio's typo rule: one edit, for terms of five letters or more. */
const oneTypo = (term: string): number | false => (term.length >= MIN_TYPO_LENGTH ? 1 : false);

const MINI_OPTIONS = {
  idField: 'id',
  fields: [...FIELDS],
  storeFields: ['articleId', 'lang'],
  // Folio's tokeniser and folding; terms come out folded, so nothing more to process.
  tokenize: (text: string) => terms(text),
  processTerm: (term: string) => term,
  searchOptions: {
    boost: BOOST,
    prefix: true,
    fuzzy: oneTypo,
    // A prefix or a typo counts less than the whole word, by Folio's factors.
    weights: { prefix: PREFIX_FACTOR, fuzzy: TYPO_FACTOR },
    combineWith: 'AND' as const,
    tokenize: (text: string) => terms(text),
    processTerm: (term: string) => term,
  },
};

class MiniSearchEngine implements Engine {
  private mini = new MiniSearch<MiniDocument>(MINI_OPTIONS);
  private nextId = 1;

  add(documents: SearchDocument[]): Promise<void> {
    this.mini.addAll(
      documents.map((document) => ({
        id: this.nextId++,
        articleId: document.articleId,
        lang: document.lang,
        title: document.title,
        summary: document.summary,
        author: document.author,
        body: document.body,
      })),
    );
    return Promise.resolve();
  }

  persist(): string {
    return JSON.stringify(this.mini);
  }

  async load(persisted: unknown): Promise<void> {
    this.mini = await MiniSearch.loadJSONAsync<MiniDocument>(persisted as string, MINI_OPTIONS);
  }

  loadSync(persisted: string): void {
    this.mini = MiniSearch.loadJSON<MiniDocument>(persisted, MINI_OPTIONS);
  }

  search(query: string, options: AskOptions = {}): Promise<Hit[]> {
    const parsed = parseQuery(query);
    if (parsed.required.length === 0) return Promise.resolve([]);
    const asHits = (results: ReturnType<MiniSearch['search']>) =>
      results.map((result) => ({
        articleId: result.articleId as string,
        lang: result.lang as string,
      }));
    // A left-out word leaves out the article, its words begun included (as Folio does).
    const leftOut = new Set(
      parsed.excluded.length === 0
        ? []
        : asHits(
            this.mini.search(
              { combineWith: 'OR', queries: parsed.excluded },
              { prefix: true, fuzzy: false },
            ),
          ).map((hit) => hit.articleId),
    );
    const all: MiniQuery = { combineWith: 'AND', queries: parsed.required };
    let found = perArticle(asHits(this.mini.search(all)), leftOut, options);
    // When no article has every word, the closest matches, as Folio shows them.
    if (found.length === 0 && parsed.required.length > 1) {
      const any: MiniQuery = { combineWith: 'OR', queries: parsed.required };
      found = perArticle(asHits(this.mini.search(any)), leftOut, options);
    }
    return Promise.resolve(found);
  }
}

/**
 * Folio's terms, each once per field: Orama's own tokenizer keeps distinct tokens (its term
 * frequency loop is quadratic in a field's tokens otherwise).
 */
const oramaTokenizer = {
  language: 'english',
  normalizationCache: new Map<string, string>(),
  tokenize: (raw: string) => [...new Set(terms(raw))],
};

/** Orama's document store, keeping of each document only what a result needs. */
function leanDocumentsStore() {
  const base = components.documentsStore.createDocumentsStore();
  return {
    ...base,
    store: (...args: Parameters<typeof base.store>) => {
      const [store, id, internalId, document] = args;
      const { articleId, lang } = document as Hit;
      return base.store(store, id, internalId, { articleId, lang });
    },
  };
}

function newOrama(): AnyOrama {
  return create({
    schema: { title: 'string', summary: 'string', author: 'string', body: 'string' },
    components: { tokenizer: oramaTokenizer, documentsStore: leanDocumentsStore() },
  }) as AnyOrama;
}

class OramaEngine implements Engine {
  private orama = newOrama();
  private nextId = 1;

  async add(documents: SearchDocument[]): Promise<void> {
    await insertMultiple(
      this.orama,
      documents.map((document) => ({
        id: String(this.nextId++),
        articleId: document.articleId,
        lang: document.lang,
        title: document.title,
        summary: document.summary,
        author: document.author,
        body: document.body,
      })),
    );
  }

  /**
   * Orama's own save(), as JSON: what its data-persistence plugin writes in its 'json' format.
   * (Its RawData as structured data would be 1.8 GB of structured clone at 10,000 articles,
   * past IndexedDB's 127 MB a value; the JSON is stored in slices, see search-libraries.ts.)
   */
  persist(): string {
    return JSON.stringify(oramaSave(this.orama));
  }

  load(persisted: unknown): Promise<void> {
    this.orama = newOrama();
    oramaLoad(this.orama, JSON.parse(persisted as string) as RawData);
    return Promise.resolve();
  }

  /**
   * Translations, best first: twice the articles wanted, as most articles have two, and twice
   * again when one language is kept (Orama filters only fields it indexes).
   */
  private async ask(
    term: string,
    options: AskOptions,
    tuning: { tolerance: number; threshold: number },
  ) {
    const results = await oramaSearch(this.orama, {
      term,
      properties: [...FIELDS],
      boost: BOOST,
      limit: (options.limit ?? LIMIT) * (options.filterLang ? 4 : 2),
      ...tuning,
    });
    return results.hits.map((hit) => {
      const { articleId, lang } = hit.document as unknown as Hit;
      return { articleId, lang };
    });
  }

  async search(query: string, options: AskOptions = {}): Promise<Hit[]> {
    const parsed = parseQuery(query);
    if (parsed.required.length === 0) return [];
    // Orama's tolerance is one for the whole query: one typo when every word has five letters.
    const tolerance = parsed.required.every((term) => term.length >= MIN_TYPO_LENGTH) ? 1 : 0;
    const leftOut = new Set<string>();
    for (const term of parsed.excluded) {
      // Every article with the left-out word (or a word it begins): Orama's limit is required.
      const results = await oramaSearch(this.orama, {
        term,
        properties: [...FIELDS],
        limit: oramaCount(this.orama),
      });
      for (const hit of results.hits) leftOut.add((hit.document as unknown as Hit).articleId);
    }
    const words = parsed.required.join(' ');
    // threshold 0: every word required; 1: any word (the closest matches, as Folio shows them).
    let found = perArticle(
      await this.ask(words, options, { tolerance, threshold: 0 }),
      leftOut,
      options,
    );
    if (found.length === 0 && parsed.required.length > 1) {
      found = perArticle(
        await this.ask(words, options, { tolerance, threshold: 1 }),
        leftOut,
        options,
      );
    }
    return found;
  }
}

export function engine(name: EngineName): Engine {
  switch (name) {
    case 'folio':
      return new FolioEngine();
    case 'minisearch':
      return new MiniSearchEngine();
    case 'orama':
      return new OramaEngine();
  }
}

/**
 * MiniSearch's synchronous loadJSON and a first query, timed: its loadJSONAsync (the cold load
 * measured) yields to the event loop every 1,000 entries, and each yield is a timer.
 */
export async function miniSearchSyncLoadMs(persisted: string, firstQuery: string): Promise<number> {
  const start = performance.now();
  const loaded = new MiniSearchEngine();
  loaded.loadSync(persisted);
  await loaded.search(firstQuery);
  return performance.now() - start;
}
