import type { DBSchema } from 'idb';
import type { FeedInfo, FeedProblem, ParsedArticle, ParsedSummary } from '../feed';
import type { Highlight, ReadMark } from './reader-layer';

export type * from './reader-layer';

export const DB_NAME = 'folio';
export const DB_VERSION = 5;

/** List metadata: what cards and lists need, never a body. */
export interface StoredSummary extends ParsedSummary {
  publishedMs: number;
  /** `[category, publishedMs]` pairs, for the newest-first-in-a-category index. */
  categoryKeys: [string, number][];
}

/**
 * A summary as lists and the sync read it: the stored record joined with its mark in the `saved`
 * store, read in the same transaction. (Until version 4 the mark was a field of the summary
 * record; a version-3 summary whose body was not saved may still carry `saved: null`, which
 * every read overrides.)
 */
export interface ListedSummary extends StoredSummary {
  /** `updated` of the saved full article, or null when its body is not saved yet. */
  saved: string | null;
}

/** A full article, kept apart from summaries so that start-up never reads bodies. */
export interface StoredArticle extends ParsedArticle {
  /** The address the file was finally fetched from: the base for relative URLs in its body. */
  url: string;
  fetchedAt: number;
}

export type BookmarkState = 'active' | 'withdrawn' | 'purged';

export interface Bookmark {
  id: string;
  createdAt: number;
  state: BookmarkState;
  /** The title when bookmarked, so a bookmark whose article is not saved here still reads. */
  title?: string;
}

export type SyncStatus = 'idle' | 'syncing' | 'fresh' | 'offline' | 'error';

export interface FeedMetaRecord extends FeedInfo {
  key: 'feed';
  feedUrl: string;
  /** The first page's `updated`: changes whenever any file of the feed changes. */
  updated: string;
}

export interface SyncRecord {
  key: 'sync';
  status: SyncStatus;
  startedAt: number | null;
  finishedAt: number | null;
  /** When a sync last completed against the network: "showing articles saved <when>". */
  lastSuccessAt: number | null;
  progress: { done: number; total: number } | null;
  /** The background crawl of older pages, while and after it runs; absent before the first. */
  crawl?: CrawlProgress | null;
  /** Why the last sync failed as a whole (status 'error' or 'offline'). */
  error: FeedProblem | null;
  /** Entries skipped by the last sync, each with its file and field. */
  problems: FeedProblem[];
}

/** How many article bodies to keep: the newest N, or every one ('all'). */
export type Retention = number | 'all';

/** 'not-on-save-data': with Save-Data or a metered connection, only bookmarked bodies are saved. */
export type DownloadRule = 'always' | 'not-on-save-data';

/** Storage choices, in IndexedDB rather than localStorage because sync reads them in the worker. */
export interface StorageSettingsRecord {
  key: 'settings';
  retention: Retention;
  /** Categories whose articles stay saved whatever the retention rule. */
  keepCategories: string[];
  download: DownloadRule;
  /** Save older pages' summaries in the background, up to a cap (absent in older records). */
  crawlOlder?: boolean;
}

/** 'capped': it stopped at the cap; 'stopped': a page failed, what was read is kept. */
export type CrawlState = 'running' | 'done' | 'capped' | 'stopped';

export interface CrawlProgress {
  state: CrawlState;
  /** Pages stored so far, the first included. */
  pages: number;
  /** How many pages the feed has, when known (the last page was reached). */
  totalPages: number | null;
  /** Summaries stored so far, and the most the crawl stores. */
  summaries: number;
  cap: number;
}

/** Where the stored part of a paged feed ends, and what identifies each stored page's version. */
export interface PagingRecord {
  key: 'paging';
  feedUrl: string;
  /** Per page URL, sent back as If-None-Match / If-Modified-Since. */
  validators: Record<string, { etag?: string; lastModified?: string }>;
  /** The first page's article ids, so a sync answered 304 still knows which bodies it owes. */
  firstIds: string[];
  /** Older pages stored, newest first (the first page excluded), with their summary counts. */
  older: { url: string; count: number }[];
  /** `next` of the oldest stored page: null once the feed's last page is stored. */
  oldestNext: string | null;
  /** Summaries stored from the first page and the older pages. */
  stored: number;
  /** The first page's `removed` and `purged`: older pages must not bring those back. */
  removed: string[];
  purged: string[];
}

/**
 * The reader's display choices. The page keeps them in localStorage, which it reads before its
 * first paint; they are copied here for the service worker, which cannot read localStorage and
 * renders Home's first screen with them.
 */
export interface ReaderRecord {
  key: 'reader';
  theme: 'light' | 'dark' | 'system';
  textSize: 'small' | 'medium' | 'large' | 'larger';
  /** The interface language the reader chose; null: the feed's. */
  uiLang: string | null;
}

/** How many transactions deleted stored articles (deletions.ts). */
export interface DeletionsRecord {
  key: 'deletions';
  count: number;
}

export type MetaRecord =
  | FeedMetaRecord
  | SyncRecord
  | StorageSettingsRecord
  | PagingRecord
  | ReaderRecord
  | DeletionsRecord;

/**
 * The search index as the search worker last saved it. `data` is parsed by the worker
 * (src/lib/search/snapshot.ts), which alone knows its shape for a given `format`.
 */
export interface SearchIndexRecord {
  key: 'index';
  format: number;
  savedAt: number;
  data: unknown;
}

/** A comment the reader wrote, in the shape WordPress's `POST /wp-json/wp/v2/comments` takes. */
export interface CommentDraft {
  post: number | string;
  author_name: string;
  author_email: string;
  content: string;
}

/** 'queued': waits for the network; 'rejected': the site refused it and the reader may edit it. */
export type OutboxState = 'queued' | 'rejected';

export interface OutboxEntry {
  id: string;
  /** The article it belongs to, so its page can show what is pending there. */
  articleId: string;
  createdAt: number;
  state: OutboxState;
  draft: CommentDraft;
  /** The site's reason for a rejection (WordPress's `message`). */
  reason?: string;
}

export interface FolioSchema extends DBSchema {
  summaries: {
    key: string;
    value: StoredSummary;
    indexes: { 'by-published': number; 'by-category': [string, number] };
  };
  articles: { key: string; value: StoredArticle };
  bookmarks: { key: string; value: Bookmark; indexes: { 'by-created': number } };
  meta: { key: MetaRecord['key']; value: MetaRecord };
  /** Since version 2: comments waiting to be sent. */
  outbox: { key: string; value: OutboxEntry; indexes: { 'by-created': number } };
  /** Since version 3: the search worker's persisted index (search-store.ts). */
  search: { key: SearchIndexRecord['key']; value: SearchIndexRecord };
  /**
   * Since version 4: which full articles are saved. Key: the article id (out of line); value:
   * the saved article's `updated`. A mark exists only while both the summary and the body do, so
   * saving a body writes the article and this small record, never the summary again.
   */
  saved: { key: string; value: string };
  /** Since version 5: read and unread, per article id (reads.ts). */
  reads: { key: string; value: ReadMark; indexes: { 'by-category': string } };
  /** Since version 5: the reader's highlights and notes. */
  highlights: {
    key: string;
    value: Highlight;
    indexes: { 'by-article': string; 'by-created': number };
  };
}
