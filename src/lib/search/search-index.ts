// The searchable collection: one document per (article, translation), with what a result shows
// and what filters need kept beside FlexSearch's id lists.
//
// Two inverted indexes (postings.ts): title and author, and the rest (kind, lead, excerpt, body),
// both keyed by whole folded words. A query term is widened to the stored words it starts
// through each index's sorted terms: every prefix in titles and authors, and prefixes of three
// letters or more in the rest. (Keying every prefix of every body word measured 23 s and 70 MB
// in node for 10,000 articles in two languages.)
import { terms, uniqueTerms } from './normalise';
import { Postings, type PackedPostings } from './postings';

/** One translation of one article, as it is indexed. */
export interface SearchDocument {
  articleId: string;
  lang: string;
  categories: string[];
  published: string;
  title: string;
  /** Shown under the title: the excerpt, else the lead, else the start of the body. */
  excerpt: string;
  /** Title and author: matched by any prefix. Not kept. */
  fields: string;
  /** Kind, lead, excerpt and the body as text (when saved). Not kept. */
  body: string;
}

export type SearchHit = Omit<SearchDocument, 'fields' | 'body'>;

export interface SearchFilters {
  /** Only translations in this language; null for every language. */
  lang: string | null;
  /** Only articles in this category; null for every category. */
  category: string | null;
}

export interface SearchRequest extends SearchFilters {
  query: string;
  /** At most this many hits are returned (the total is counted up to MAX_MATCHES). */
  limit: number;
  /** When an article matches in several translations, the one shown is in this language. */
  preferLang: string;
}

export interface SearchResults {
  hits: SearchHit[];
  /** How many articles match, up to MAX_MATCHES. */
  total: number;
  /** Whether more matched than were counted. */
  capped: boolean;
}

/** Matches looked at per query before filters: bounds the work of a one-letter query. */
export const MAX_MATCHES = 2000;
const EXCERPT_CHARS = 220;
/** Shorter query terms match body words exactly only (a one-letter prefix says little). */
const MIN_BODY_PREFIX = 3;
/** Body words a query prefix is widened to at most; past that it is too short to say much. */
export const MAX_EXPANSIONS = 64;

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
  private docs = new Map<number, SearchHit>();
  private byArticle = new Map<string, number[]>();
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
      this.docs.set(id, { ...hit, excerpt: shortExcerpt(hit.excerpt) });
      ids.push(id);
    }
    if (ids.length > 0) this.byArticle.set(articleId, ids);
  }

  remove(articleId: string): void {
    const ids = this.byArticle.get(articleId);
    if (!ids) return;
    for (const id of ids) this.docs.delete(id);
    this.byArticle.delete(articleId);
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
    return this.docs.size;
  }

  /** Ids left in the engine for documents no longer indexed. */
  get stale(): number {
    return this.staleIds;
  }

  clear(): void {
    this.fields.clear();
    this.bodies.clear();
    this.docs.clear();
    this.byArticle.clear();
    this.staleIds = 0;
  }

  /** The index as data to persist, without stale ids. */
  pack(): IndexData {
    const keep = (id: number) => this.docs.has(id);
    return {
      nextId: this.nextId,
      docIds: Uint32Array.from(this.docs.keys()),
      docs: [...this.docs.values()],
      fields: this.fields.pack(keep),
      bodies: this.bodies.pack(keep),
    };
  }

  /** Replaces the contents with packed data (throws, leaving the index empty, if it is torn). */
  load(data: IndexData): void {
    this.clear();
    try {
      if (data.docIds.length !== data.docs.length) throw new Error('Packed documents do not match');
      data.docIds.forEach((id, at) => {
        const hit = data.docs[at] as SearchHit;
        this.docs.set(id, hit);
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
    const order: string[] = [];
    const chosen = new Map<string, SearchHit>();
    let capped = false;
    for (const id of this.matchingIds(queryTerms)) {
      const hit = this.docs.get(id);
      if (!hit || !matchesFilters(hit, request)) continue;
      const previous = chosen.get(hit.articleId);
      if (!previous) {
        if (order.length === MAX_MATCHES) {
          capped = true;
          break;
        }
        order.push(hit.articleId);
        chosen.set(hit.articleId, hit);
      } else if (previous.lang !== request.preferLang && hit.lang === request.preferLang) {
        chosen.set(hit.articleId, hit);
      }
    }
    const hits = order.slice(0, request.limit).flatMap((articleId) => {
      const hit = chosen.get(articleId);
      return hit ? [hit] : [];
    });
    return { hits, total: order.length, capped };
  }

  /** Document ids matching every term, those matching in titles and authors first. */
  private matchingIds(queryTerms: string[]): number[] {
    const limit = MAX_MATCHES + this.staleIds;
    let inFields: Set<number> | null = null;
    let shared: Set<number> | null = null;
    for (const term of queryTerms) {
      const fieldIds = collect(this.fields, this.fields.expand(term, Infinity), limit, new Set());
      const words =
        term.length >= MIN_BODY_PREFIX ? this.bodies.expand(term, MAX_EXPANSIONS) : [term];
      const ids = collect(this.bodies, words, limit, new Set(fieldIds));
      inFields = intersect(inFields, fieldIds);
      shared = intersect(shared, ids);
      if (shared.size === 0) return [];
    }
    const first = inFields ?? new Set<number>();
    return [...first, ...[...(shared ?? [])].filter((id) => !first.has(id))];
  }
}

/** Adds the documents of `words` to `into` until it holds `limit`. */
function collect(
  postings: Postings,
  words: string[],
  limit: number,
  into: Set<number>,
): Set<number> {
  for (const word of words) {
    const list = postings.get(word);
    for (let i = 0; i < list.length; i++) {
      if (into.size >= limit) return into;
      into.add(list[i] as number);
    }
  }
  return into;
}

function intersect(previous: Set<number> | null, next: Set<number>): Set<number> {
  if (previous === null) return next;
  const both = new Set<number>();
  for (const id of previous) if (next.has(id)) both.add(id);
  return both;
}

function matchesFilters(hit: SearchHit, filters: SearchFilters): boolean {
  if (filters.lang !== null && hit.lang.toLowerCase() !== filters.lang.toLowerCase()) return false;
  if (filters.category !== null && !hit.categories.includes(filters.category)) return false;
  return true;
}
