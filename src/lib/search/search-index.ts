// The searchable collection: one document per (article, translation), with what a result shows
// and what filters need kept beside the posting lists.
//
// Two inverted indexes (postings.ts): title and author, and the rest (kind, lead, excerpt, body),
// both keyed by whole folded words. A query term is widened to the stored words it starts
// through each index's sorted terms: every prefix in titles and authors, and prefixes of three
// letters or more in the rest. (Keying every prefix of every body word measured 23 s and 70 MB
// in node for 10,000 articles in two languages.)
import { Matcher } from './matching';
import { terms, uniqueTerms } from './normalise';
import { Postings, type PackedPostings } from './postings';
import type { SearchDocument, SearchHit, SearchRequest, SearchResults } from './search-types';

export type {
  SearchDocument,
  SearchFilters,
  SearchHit,
  SearchRequest,
  SearchResults,
} from './search-types';

/** Matches looked at per query before filters: bounds the work of a one-letter query. */
export const MAX_MATCHES = 2000;
const EXCERPT_CHARS = 220;

/** Everything a SearchIndex holds, in the form IndexedDB stores (see snapshot.ts). */
export interface IndexData {
  nextId: number;
  /** Document numbers and what each shows, in one array each. */
  docIds: Uint32Array;
  docs: SearchHit[];
  fields: PackedPostings;
  bodies: PackedPostings;
}

/** Short enough that 20,000 kept excerpts stay a few MB. */
export function shortExcerpt(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.lastIndexOf(' ', EXCERPT_CHARS);
  return `${text.slice(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS)}…`;
}

/**
 * Removing a document from every posting list would scan them all, so a removed or re-indexed
 * article only loses its entry in `docs`; its stale ids are skipped in results, dropped when the
 * index is packed, and `stale` tells the owner when a rebuild pays.
 */
export class SearchIndex {
  private fields = new Postings();
  private bodies = new Postings();
  private readonly matcher = new Matcher(this.fields, this.bodies);
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
    for (const { fields, body, ...hit } of documents) {
      const id = this.nextId++;
      this.fields.add(id, uniqueTerms(fields));
      if (body !== '') this.bodies.add(id, uniqueTerms(body));
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
   * Best matches first, one hit per article. Every query term must match, as a prefix of a word
   * of the title or author, or of the rest (there, terms under three letters match whole words).
   */
  search(request: SearchRequest): SearchResults {
    const queryTerms = [...new Set(terms(request.query))];
    if (queryTerms.length === 0) return { hits: [], total: 0, capped: false };
    const ids = this.matcher.match(queryTerms, MAX_MATCHES + this.staleIds, this.nextId);
    const lang = request.lang?.toLowerCase() ?? null;
    /** The documents chosen, one per article, best first. */
    const order: number[] = [];
    /** Per article number: its place in `order` plus one, or 0. */
    const placeOf = new Uint32Array(this.articleNumbers.size);
    let capped = false;
    for (const id of ids) {
      const hit = this.docs[id];
      if (hit === undefined || !matchesFilters(hit, lang, request.category)) continue;
      const article = this.articleOf[id] as number;
      const place = placeOf[article] as number;
      if (place === 0) {
        if (order.length === MAX_MATCHES) {
          capped = true;
          break;
        }
        order.push(id);
        placeOf[article] = order.length;
      } else if (
        (this.docs[order[place - 1] as number] as SearchHit).lang !== request.preferLang &&
        hit.lang === request.preferLang
      ) {
        order[place - 1] = id;
      }
    }
    const hits = order.slice(0, request.limit).map((id) => this.docs[id] as SearchHit);
    // Documents past the ones looked at may match too.
    return { hits, total: order.length, capped: capped || this.matcher.truncated };
  }
}

/** `lang` lower-cased; null (either) for any. */
function matchesFilters(hit: SearchHit, lang: string | null, category: string | null): boolean {
  if (lang !== null && hit.lang !== lang && hit.lang.toLowerCase() !== lang) return false;
  if (category !== null && !hit.categories.includes(category)) return false;
  return true;
}
