// The searchable collection: one document per (article, translation), with what a result shows
// and what filters need kept beside the posting lists.
//
// Two inverted indexes (postings.ts): title and author, and the rest (lead, excerpt, kind, body),
// both keyed by whole folded words, each posting weighted by BM25F (weights.ts). A query term is
// widened to the stored words it begins and those one typo away (variants.ts), and documents are
// ranked by BM25 (ranking.ts), recency breaking ties. (Keying every prefix of every body word
// measured 23 s and 70 MB in node for 10,000 articles in two languages.)
import { hasPhrase, parseQuery, type ParsedQuery } from './query';
import { ArticleRanking, type Ranked } from './per-article';
import { Postings } from './postings';
import { Ranker } from './ranking';
import { shortExcerpt } from './excerpt';
import type {
  IndexData,
  PhraseCheck,
  SearchDocument,
  SearchHit,
  SearchRequest,
  SearchResults,
} from './search-types';
import { topOf } from './top';
import { expansionsOf, variantsOf } from './variants';
import { bodyWeights, headingWeights } from './weights';

export type {
  IndexData,
  PhraseCheck,
  SearchDocument,
  SearchFilters,
  SearchHit,
  SearchRequest,
  SearchResults,
} from './search-types';
export { shortExcerpt } from './excerpt';

/**
 * Removing a document from every posting list would scan them all, so a removed or re-indexed
 * article only loses its entry in `docs`; its stale ids are skipped in results, dropped when the
 * index is packed, and `stale` tells the owner when a rebuild pays.
 */
export class SearchIndex {
  private fields = new Postings();
  private bodies = new Postings();
  private readonly ranker = new Ranker(this.fields, this.bodies);
  private readonly ranking = new ArticleRanking({
    articleOf: (id) => this.articleOf[id] as number,
    score: (id) => this.ranker.score(id),
    lang: (id) => (this.docs[id] as SearchHit).lang,
    published: (id) => (this.docs[id] as SearchHit).published,
  });
  /** What each document number shows; undefined once removed. */
  private docs: (SearchHit | undefined)[] = [];
  private live = 0;
  private byArticle = new Map<string, number[]>();
  /** Per document number, its article's number (in `articleNumbers`): one hit per article. */
  private articleOf: number[] = [];
  private articleNumbers = new Map<string, number>();
  private nextId = 1;
  private staleIds = 0;

  /** Indexes an article's translations, replacing whatever was indexed for it before. */
  put(articleId: string, documents: SearchDocument[]): void {
    this.remove(articleId);
    const ids: number[] = [];
    for (const { author, summary, body, ...hit } of documents) {
      const id = this.nextId++;
      const text = { title: hit.title, author, summary, body };
      this.fields.add(id, headingWeights(text));
      this.bodies.add(id, bodyWeights(text));
      this.keep(id, { ...hit, excerpt: shortExcerpt(hit.excerpt) });
      ids.push(id);
    }
    if (ids.length > 0) this.byArticle.set(articleId, ids);
  }

  private keep(id: number, hit: SearchHit): void {
    let article = this.articleNumbers.get(hit.articleId);
    if (article === undefined) {
      article = this.articleNumbers.size;
      this.articleNumbers.set(hit.articleId, article);
    }
    this.docs[id] = hit;
    this.articleOf[id] = article;
    this.live++;
  }

  remove(articleId: string): void {
    const ids = this.byArticle.get(articleId);
    if (!ids) return;
    for (const id of ids) this.docs[id] = undefined;
    this.byArticle.delete(articleId);
    this.live -= ids.length;
    this.staleIds += ids.length;
  }

  has(articleId: string): boolean {
    return this.byArticle.has(articleId);
  }

  /** Indexed article ids. */
  articleIds(): IterableIterator<string> {
    return this.byArticle.keys();
  }

  get size(): number {
    return this.live;
  }

  /** Ids left in the engine for documents no longer indexed. */
  get stale(): number {
    return this.staleIds;
  }

  clear(): void {
    this.fields.clear();
    this.bodies.clear();
    this.docs = [];
    this.live = 0;
    this.byArticle.clear();
    this.articleOf = [];
    this.articleNumbers.clear();
    this.nextId = 1;
    this.staleIds = 0;
  }

  /** The numbers of the documents indexed (the first `limit`), in the order they were added. */
  private ids(limit = Infinity): number[] {
    const ids: number[] = [];
    for (let id = 0; id < this.docs.length && ids.length < limit; id++) {
      if (this.docs[id] !== undefined) ids.push(id);
    }
    return ids;
  }

  /** What the first `limit` indexed documents show, in the order they were added. */
  hits(limit = Infinity): SearchHit[] {
    return this.ids(limit).map((id) => this.docs[id] as SearchHit);
  }

  /**
   * The index as data to persist, without stale ids, its documents numbered 1 to n again: every
   * re-indexed article takes new numbers, and arrays by document number must not grow forever.
   */
  pack(): IndexData {
    const ids = this.ids();
    /** Old number to new, 0 for a stale one; in order, so posting lists stay sorted. */
    const renumbered = new Uint32Array(this.nextId);
    ids.forEach((id, at) => (renumbered[id] = at + 1));
    const renumber = (id: number) => renumbered[id] ?? 0;
    return {
      nextId: ids.length + 1,
      docIds: Uint32Array.from(ids, renumber),
      docs: ids.map((id) => this.docs[id] as SearchHit),
      fields: this.fields.pack(renumber),
      bodies: this.bodies.pack(renumber),
    };
  }

  /** Replaces the contents with packed data (throws, leaving the index empty, if it is torn). */
  load(data: IndexData): void {
    this.clear();
    try {
      if (data.docIds.length !== data.docs.length) throw new Error('Packed documents do not match');
      // Filled, not sparse: the engine reads them by document number in its inner loop.
      this.docs = new Array<SearchHit | undefined>(data.nextId).fill(undefined);
      this.articleOf = new Array<number>(data.nextId).fill(0);
      data.docIds.forEach((id, at) => {
        const hit = data.docs[at] as SearchHit;
        if (id >= data.nextId || this.docs[id] !== undefined) {
          throw new Error('Packed document numbers do not match');
        }
        this.keep(id, hit);
        const ids = this.byArticle.get(hit.articleId);
        if (ids) ids.push(id);
        else this.byArticle.set(hit.articleId, [id]);
      });
      this.fields.load(data.fields);
      this.bodies.load(data.bodies);
      this.nextId = data.nextId;
    } catch (error) {
      this.clear();
      throw error;
    }
  }

  /**
   * Best matches first, one hit per article (in `preferLang` when that translation matched).
   * Every term must match; when no article matches them all, those matching the most are
   * returned, marked partial. Quoted phrases are checked in titles and excerpts, then with
   * `checkPhrase`.
   */
  search(request: SearchRequest, checkPhrase?: PhraseCheck): SearchResults {
    const query = parseQuery(request.query);
    const scored = this.score(query);
    if (scored.length === 0) return { hits: [], total: 0, capped: false, partial: false };
    const eligible = this.eligible(request);
    const wanted = query.required.length;
    const phrased = (id: number) =>
      query.phrases.every((phrase) => this.phraseIn(id, phrase, checkPhrase));
    let chosen = this.perArticle(
      scored.filter((id) => eligible(id) && this.ranker.matched(id) === wanted && phrased(id)),
      request.preferLang,
    );
    let partial = false;
    if (chosen.length === 0 && (wanted > 1 || query.phrases.length > 0)) {
      chosen = this.perArticle(scored.filter(eligible), request.preferLang);
      partial = chosen.length > 0;
    }
    const best = topOf(chosen, request.limit, this.ranking.better);
    const hits = best.map(({ shown }) => this.docs[shown] as SearchHit);
    return { hits, total: chosen.length, capped: false, partial };
  }

  /**
   * The best `limit` documents (not articles) matching every term of `request`, unchecked for
   * phrases: those whose text a phrase check should have at hand.
   */
  candidates(request: SearchRequest, limit: number): SearchHit[] {
    const query = parseQuery(request.query);
    const eligible = this.eligible(request);
    const wanted = query.required.length;
    const ids = this.score(query).filter(
      (id) => eligible(id) && this.ranker.matched(id) === wanted,
    );
    const ranked = topOf(
      ids.map((id) => ({ score: this.ranker.score(id), shown: id })),
      limit,
      this.ranking.better,
    );
    return ranked.map(({ shown }) => this.docs[shown] as SearchHit);
  }

  private perArticle(ids: number[], preferLang: string): Ranked[] {
    return this.ranking.group(ids, this.articleNumbers.size, preferLang);
  }

  private score(query: ParsedQuery): number[] {
    if (query.required.length === 0) return [];
    const terms = query.required.map((term) => variantsOf(term, this.fields, this.bodies));
    const excluded = query.excluded.flatMap((term) => expansionsOf(term, this.fields, this.bodies));
    return this.ranker.rank(terms, excluded, this.nextId, this.live);
  }

  /**
   * Whether a scored document passes the filters and belongs to no article with a left-out word:
   * "-nato" leaves out the article whose Spanish translation says "OTAN" too.
   */
  private eligible(request: SearchRequest): (id: number) => boolean {
    const lang = request.lang?.toLowerCase() ?? null;
    const leftOut = new Set<number>();
    for (const id of this.ranker.excludedIds()) {
      if (this.docs[id] !== undefined) leftOut.add(this.articleOf[id] as number);
    }
    return (id) => {
      const hit = this.docs[id];
      return (
        hit !== undefined &&
        !leftOut.has(this.articleOf[id] as number) &&
        matchesFilters(hit, lang, request.category)
      );
    };
  }

  private phraseIn(id: number, phrase: readonly string[], check?: PhraseCheck): boolean {
    const hit = this.docs[id] as SearchHit;
    if (hasPhrase(hit.title, phrase) || hasPhrase(hit.excerpt, phrase)) return true;
    return check?.(hit, phrase) ?? true;
  }
}

/** `lang` lower-cased; null (either) for any. */
function matchesFilters(hit: SearchHit, lang: string | null, category: string | null): boolean {
  if (lang !== null && hit.lang !== lang && hit.lang.toLowerCase() !== lang) return false;
  if (category !== null && !hit.categories.includes(category)) return false;
  return true;
}
