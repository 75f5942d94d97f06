import type { PackedDocs } from './packed-docs';
import type { PackedPostings } from './postings';

// What goes into the search index and what a query asks and gets back: shared by the index, the
// worker's messages and the pages.

/** One translation of one article, as it is indexed. */
export interface SearchDocument {
  articleId: string;
  lang: string;
  categories: string[];
  published: string;
  title: string;
  /** Shown under the title: the excerpt, else the lead, else the start of the body. */
  excerpt: string;
  /** The author's name: matched by any prefix, as the title is. Not kept. */
  author: string;
  /** Lead and excerpt. Not kept. */
  summary: string;
  /** Kind, the author's role and the body as text (when saved). Not kept. */
  body: string;
}

export type SearchHit = Omit<SearchDocument, 'author' | 'summary' | 'body'>;

export interface SearchFilters {
  /** Only translations in this language; null for every language. */
  lang: string | null;
  /** Only articles in this category; null for every category. */
  category: string | null;
}

export interface SearchRequest extends SearchFilters {
  query: string;
  /** At most this many hits are returned, best first. */
  limit: number;
  /** When an article matches in several translations, the one shown is in this language. */
  preferLang: string;
}

export interface SearchResults {
  hits: SearchHit[];
  /** How many articles match. */
  total: number;
  /** Whether more may match than were counted (a phrase checked in the first few only). */
  capped: boolean;
  /** Nothing matched every term: these are the articles matching the most of them. */
  partial: boolean;
}

/**
 * Whether a document's text has a quoted phrase of the query, for documents whose title and
 * excerpt do not: true, false, or undefined when its text is not at hand (then it counts).
 */
export type PhraseCheck = (hit: SearchHit, phrase: readonly string[]) => boolean | undefined;

/** Everything a SearchIndex holds, in the form IndexedDB stores (see snapshot.ts). */
export interface IndexData {
  nextId: number;
  /** Document numbers, and what each shows in the same order. */
  docIds: Uint32Array;
  docs: PackedDocs;
  fields: PackedPostings;
  bodies: PackedPostings;
}
