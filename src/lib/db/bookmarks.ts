import * as v from 'valibot';
import { issueDetail, issuePath } from '../feed/issues';
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
  const tx = db.transaction(['bookmarks', 'summaries', 'articles'], 'readwrite');
  const [bookmark, summary] = await Promise.all([
    tx.objectStore('bookmarks').get(id),
    tx.objectStore('summaries').get(id),
  ]);
  await tx.objectStore('bookmarks').delete(id);
  if (bookmark && bookmark.state !== 'active' && !summary)
    await tx.objectStore('articles').delete(id);
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

const BookmarkFile = v.object({
  app: v.literal('folio', 'must be "folio"'),
  kind: v.literal('bookmarks', 'must be "bookmarks"'),
  version: v.literal(1, 'must be 1'),
  bookmarks: v.array(
    v.object({
      id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not an article id')),
      bookmarkedAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO date-time')),
      title: v.optional(v.string()),
    }),
  ),
});

export type BookmarkFile = v.InferOutput<typeof BookmarkFile>;

/** A JSON document of every bookmark, with titles so that a reader recognises the file. */
export async function exportBookmarks(db: FolioDB, lang: string): Promise<BookmarkFile> {
  const entries = await listBookmarks(db);
  return {
    app: 'folio',
    kind: 'bookmarks',
    version: 1,
    bookmarks: entries.map(({ bookmark, summary, article }) => {
      const translations = summary?.translations ?? article?.translations ?? {};
      const title =
        translations[lang]?.title ?? Object.values(translations)[0]?.title ?? bookmark.title;
      return {
        id: bookmark.id,
        bookmarkedAt: new Date(bookmark.createdAt).toISOString(),
        ...(title ? { title } : {}),
      };
    }),
  };
}

export class BookmarkImportError extends Error {}

/**
 * Merges a bookmarks file into the store: new ids are added, existing bookmarks are kept as
 * they are. A file that is not a Folio bookmarks file changes nothing.
 */
export async function importBookmarks(
  db: FolioDB,
  text: string,
): Promise<{ added: number; kept: number }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BookmarkImportError('The file is not JSON.');
  }
  const result = v.safeParse(BookmarkFile, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issuePath(issue);
    const detail = path ? `${path}: ${issueDetail(issue)}` : issueDetail(issue);
    throw new BookmarkImportError(`This is not a Folio bookmarks file (${detail}).`);
  }
  const tx = db.transaction('bookmarks', 'readwrite');
  let added = 0;
  for (const entry of result.output.bookmarks) {
    if (await tx.store.get(entry.id)) continue;
    await tx.store.put({
      id: entry.id,
      createdAt: Date.parse(entry.bookmarkedAt),
      state: 'active',
      // Kept so that a bookmark of an article not saved on this device still reads by its title.
      ...(entry.title === undefined ? {} : { title: entry.title }),
    });
    added++;
  }
  await tx.done;
  return { added, kept: result.output.bookmarks.length - added };
}
