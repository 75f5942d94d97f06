// The searchable collection: one document per (article, translation), with what a result shows
// and what filters need kept beside the posting lists.
//
// Two inverted indexes (postings.ts): title and author, and the rest (lead, excerpt, kind, body),
// both keyed by whole folded words, each posting weighted by BM25F (weights.ts). A query term is
// widened to the stored words it begins and those one typo away (variants.ts), and documents are
// ranked by BM25 (ranking.ts), one place per article (per-article.ts), recency breaking ties.
// What each document shows is kept in a DocumentTable. (Keying every prefix of every body word
// measured 23 s and 70 MB in node for 10,000 articles in two languages.)
import { hasPhrase, parseQuery, type ParsedQuery } from './query';
import { ArticleRanking, scoreOrder } from './per-article';
import { DocumentTable } from './document-table';
import { Eligibility } from './eligibility';
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

export class SearchIndex {
  private fields = new Postings();
  private bodies = new Postings();
  private readonly table = new DocumentTable();
  private readonly ranker = new Ranker(this.fields, this.bodies);
  private readonly ranking = new ArticleRanking({ published: (id) => this.published(id) });

  /** Indexes an article's translations, replacing whatever was indexed for it before. */
  put(articleId: string, documents: SearchDocument[]): void {
    this.remove(articleId);
    for (const { author, summary, body, ...hit } of documents) {
      const id = this.table.add({ ...hit, excerpt: shortExcerpt(hit.excerpt) });
      const text = { title: hit.title, author, summary, body };
      this.fields.add(id, headingWeights(text));
      this.bodies.add(id, bodyWeights(text));
    }
  }

  remove(articleId: string): void {
    this.table.remove(articleId);
  }

  has(articleId: string): boolean {
    return this.table.has(articleId);
  }

  /** Indexed article ids. */
  articleIds(): IterableIterator<string> {
    return this.table.articleIds();
  }

  get size(): number {
    return this.table.size;
  }

  /** Ids left in the engine for documents no longer indexed. */
  get stale(): number {
    return this.table.stale;
  }

  clear(): void {
    this.fields.clear();
    this.bodies.clear();
    this.table.clear();
  }

  /** What the first `limit` indexed documents show, in the order they were added. */
  hits(limit = Infinity): SearchHit[] {
    return this.table.ids(limit).map((id) => this.table.hit(id) as SearchHit);
  }

  /**
   * The index as data to persist, without stale ids, its documents numbered 1 to n again: every
   * re-indexed article takes new numbers, and arrays by document number must not grow forever.
   */
  pack(): IndexData {
    const ids = this.table.ids();
    /** Old number to new, 0 for a stale one; in order, so posting lists stay sorted. */
    const renumbered = new Uint32Array(this.table.next);
    ids.forEach((id, at) => (renumbered[id] = at + 1));
    const renumber = (id: number) => renumbered[id] ?? 0;
    return {
      nextId: ids.length + 1,
      docIds: Uint32Array.from(ids, renumber),
      docs: this.table.pack(ids),
      fields: this.fields.pack(renumber),
      bodies: this.bodies.pack(renumber),
    };
  }

  /** Replaces the contents with packed data (throws, leaving the index empty, if it is torn). */
  load(data: IndexData): void {
    this.clear();
    try {
      this.table.load(data.docIds, data.docs, data.nextId);
      this.fields.load(data.fields);
      this.bodies.load(data.bodies);
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
    const eligible = new Eligibility(this.table, request, this.ranker.excludedIds());
    const wanted = query.required.length;
    const phrases = query.phrases.length > 0 ? { phrases: query.phrases, checkPhrase } : null;
    this.rankArticles(scored, request.preferLang, eligible, wanted, phrases);
    let partial = false;
    if (this.ranking.size === 0 && (wanted > 1 || phrases !== null)) {
      this.rankArticles(scored, request.preferLang, eligible, 0, null);
      partial = this.ranking.size > 0;
    }
    const hits = this.ranking.top(request.limit).map((id) => this.table.hit(id) as SearchHit);
    return { hits, total: this.ranking.size, capped: false, partial };
  }

  /**
   * The best `limit` documents (not articles) matching every term of `request`, unchecked for
   * phrases: those whose text a phrase check should have at hand.
   */
  candidates(request: SearchRequest, limit: number): SearchHit[] {
    const query = parseQuery(request.query);
    // Scored first: what is left out comes from this query's scoring.
    const scored = this.score(query);
    const eligible = new Eligibility(this.table, request, this.ranker.excludedIds());
    const wanted = query.required.length;
    const ids = scored.filter((id) => this.ranker.matched(id) === wanted && eligible.accepts(id));
    const better = (a: number, b: number) => {
      const order = scoreOrder(this.ranker.score(a), this.ranker.score(b));
      return order !== 0 ? order > 0 : this.published(a) > this.published(b);
    };
    return topOf(ids, limit, better).map((id) => this.table.hit(id) as SearchHit);
  }

  private published(id: number): string {
    return this.table.published(id);
  }

  /**
   * Ranks the articles of the documents in `scored` that are eligible, match `wanted` terms (any
   * number when 0) and have every phrase of `phrases`.
   */
  private rankArticles(
    scored: Uint32Array,
    preferLang: string,
    eligible: Eligibility,
    wanted: number,
    phrases: { phrases: string[][]; checkPhrase: PhraseCheck | undefined } | null,
  ): void {
    const { ranking, ranker, table } = this;
    const preferred = table.langNumberOf(preferLang);
    ranking.start(table.articleCount);
    for (let i = 0; i < scored.length; i++) {
      const id = scored[i] as number;
      if (wanted > 0 && ranker.matched(id) !== wanted) continue;
      if (!eligible.accepts(id)) continue;
      if (phrases !== null && !this.hasPhrases(id, phrases.phrases, phrases.checkPhrase)) continue;
      ranking.add(
        id,
        table.articleNumber(id),
        ranker.score(id),
        table.langNumber(id) === preferred,
      );
    }
  }

  private score(query: ParsedQuery): Uint32Array {
    if (query.required.length === 0) return new Uint32Array(0);
    const terms = query.required.map((term) => variantsOf(term, this.fields, this.bodies));
    const excluded = query.excluded.flatMap((term) => expansionsOf(term, this.fields, this.bodies));
    return this.ranker.rank(terms, excluded, this.table.next, this.table.size);
  }

  private hasPhrases(id: number, phrases: string[][], check?: PhraseCheck): boolean {
    return phrases.every((phrase) => this.phraseIn(id, phrase, check));
  }

  private phraseIn(id: number, phrase: readonly string[], check?: PhraseCheck): boolean {
    const { title, excerpt } = this.table.text(id);
    if (hasPhrase(title, phrase) || hasPhrase(excerpt, phrase)) return true;
    return check ? (check(this.table.hit(id) as SearchHit, phrase) ?? true) : true;
  }
}
