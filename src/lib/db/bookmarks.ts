import { countDeletion } from './deletions';
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

/** What removing a bookmark took away: all that `restoreBookmark` needs to put it back. */
export interface RemovedBookmark {
  bookmark: Bookmark;
  /** The saved copy of a withdrawn or purged article, which went with its bookmark. */
  article?: StoredArticle;
}

/**
 * Removes a bookmark. A withdrawn article's saved copy was kept only for its bookmark, so it
 * goes too; an article still in the feed keeps its body. Returns what was removed (undefined
 * when there was no such bookmark), so that an Undo can put it back as it was.
 */
export async function removeBookmark(
  db: FolioDB,
  id: string,
): Promise<RemovedBookmark | undefined> {
  const tx = db.transaction(['bookmarks', 'summaries', 'articles', 'saved', 'meta'], 'readwrite');
  const [bookmark, summary] = await Promise.all([
    tx.objectStore('bookmarks').get(id),
    tx.objectStore('summaries').get(id),
  ]);
  let article: StoredArticle | undefined;
  await tx.objectStore('bookmarks').delete(id);
  if (bookmark && bookmark.state !== 'active' && !summary) {
    article = await tx.objectStore('articles').get(id);
    // No summary, so no mark should stand; deleted anyway, so none outlives its body.
    await tx.objectStore('articles').delete(id);
    await tx.objectStore('saved').delete(id);
    await countDeletion(tx.objectStore('meta'));
  }
  await tx.done;
  return bookmark && { bookmark, ...(article && { article }) };
}

/**
 * Puts back a bookmark `removeBookmark` took away, exactly as it was: its own `createdAt` (so
 * it returns to its place in the list), state and title, and the saved copy that went with it.
 * A copy saved again since is newer and stays.
 */
export async function restoreBookmark(db: FolioDB, removed: RemovedBookmark): Promise<void> {
  const tx = db.transaction(['bookmarks', 'articles'], 'readwrite');
  await tx.objectStore('bookmarks').put(removed.bookmark);
  if (removed.article && !(await tx.objectStore('articles').getKey(removed.bookmark.id))) {
    await tx.objectStore('articles').put(removed.article);
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
