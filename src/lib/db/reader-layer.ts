// The reader's own layer, as stored since version 5: what was read, and highlights with notes.

/**
 * Whether the reader has read an article, and when that last changed (imports merge by it, the
 * newest change winning). Kept for as long as the reader keeps Folio: never pruned.
 */
export interface ReadMark {
  id: string;
  read: boolean;
  changedAt: number;
  /**
   * While the article is read and in the feed: '' and its categories, so that the `by-category`
   * index counts read articles, in all and per category, without reading a record. Empty
   * otherwise.
   */
  countedIn: string[];
}

/** W3C Web Annotation's TextQuoteSelector: the passage, and the text just before and after it. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation's TextPositionSelector: the passage's offsets in the body's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A passage the reader highlighted in one translation of an article, with an optional note. */
export interface Highlight {
  id: string;
  articleId: string;
  /** The translation it was made in: it shows in that one only. */
  lang: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  note: string;
  createdAt: number;
  /** The last change: imports merge by it, the newest change winning. */
  changedAt: number;
  /** When the reader deleted it: kept as a tombstone so that an import does not bring it back. */
  deletedAt: number | null;
}
