// The stored and parsed shapes views show, for components and routes: they read lib/state and
// these types, never lib/db, lib/feed or lib/sync themselves (eslint.config.js enforces it).
export type { BookmarkEntry, Highlight, ListedSummary, StoredArticle } from '../db';
export type { Author, Comments } from '../feed';
