import type { DBSchema } from 'idb';
import type { FeedInfo, FeedProblem, ParsedArticle, ParsedSummary } from '../feed';

export const DB_NAME = 'folio';
export const DB_VERSION = 2;

/** List metadata: what cards and lists need, never a body. */
export interface StoredSummary extends ParsedSummary {
  publishedMs: number;
  /** `[category, publishedMs]` pairs, for the newest-first-in-a-category index. */
  categoryKeys: [string, number][];
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
}

export type MetaRecord = FeedMetaRecord | SyncRecord | StorageSettingsRecord;

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
}
