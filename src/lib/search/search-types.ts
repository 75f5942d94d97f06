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
  /** At most this many hits are returned (the total is counted up to the index's MAX_MATCHES). */
  limit: number;
  /** When an article matches in several translations, the one shown is in this language. */
  preferLang: string;
}

export interface SearchResults {
  hits: SearchHit[];
  /** How many articles match, up to the index's MAX_MATCHES. */
  total: number;
  /** Whether more matched than were counted. */
  capped: boolean;
}
