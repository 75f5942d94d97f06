import type { FolioDB } from './open';
import type { Bookmark, StoredArticle, StoredSummary } from './schema';

export interface BookmarkEntry {
  bookmark: Bookmark;
  /** Present while the article is in the feed. */
  summary?: StoredSummary;
  /** The saved copy: what a withdrawn bookmark is read from. */
  article?: StoredArticle;
}

export async function addBookmark(
  db: FolioDB,
  id: string,
  title?: string,
  now = Date.now(),
): Promise<Bookmark> {
  const tx = db.transaction('bookmarks', 'readwrite');
  const existing = await tx.store.get(id);
  const bookmark: Bookmark = existing ?? { id, createdAt: now, state: 'active', title };
  if (!existing) await tx.store.put(bookmark);
  await tx.done;
  return bookmark;
}

/**
 * Removes a bookmark. A withdrawn article's saved copy was kept only for its bookmark, so it
 * goes too; an article still in the feed keeps its body.
 */
export async function removeBookmark(db: FolioDB, id: string): Promise<void> {
  const tx = db.transaction(['bookmarks', 'summaries', 'articles', 'saved'], 'readwrite');
  const [bookmark, summary] = await Promise.all([
    tx.objectStore('bookmarks').get(id),
    tx.objectStore('summaries').get(id),
  ]);
  await tx.objectStore('bookmarks').delete(id);
  if (bookmark && bookmark.state !== 'active' && !summary) {
    // No summary, so no mark should stand; deleted anyway, so none outlives its body.
    await tx.objectStore('articles').delete(id);
    await tx.objectStore('saved').delete(id);
  }
  await tx.done;
}

export async function bookmarkedIds(db: FolioDB): Promise<Set<string>> {
  return new Set(await db.getAllKeys('bookmarks'));
}

/** Newest-bookmarked first, each with what is saved of its article. */
export async function listBookmarks(db: FolioDB): Promise<BookmarkEntry[]> {
  const tx = db.transaction(['bookmarks', 'summaries', 'articles']);
  const bookmarks = (await tx.objectStore('bookmarks').index('by-created').getAll()).reverse();
  const entries = await Promise.all(
    bookmarks.map(async (bookmark): Promise<BookmarkEntry> => {
      const summary = await tx.objectStore('summaries').get(bookmark.id);
      // Only a withdrawn bookmark needs its body read here: the list shows summaries otherwise.
      const article = summary ? undefined : await tx.objectStore('articles').get(bookmark.id);
      return { bookmark, summary, article };
    }),
  );
  await tx.done;
  return entries;
}
