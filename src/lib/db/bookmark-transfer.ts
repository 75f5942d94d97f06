// Export and import of bookmark files: only the Settings and Bookmarks pages need it, so it
// (and valibot with it) loads when a reader exports or imports, not at start-up.
import * as v from 'valibot';
import { issueDetail, issuePath } from '../valibot-issues';
import { listBookmarks } from './bookmarks';
import type { FolioDB } from './open';

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
