// Export and import of bookmark files: only the Settings and Bookmarks pages need it, so it
// (and valibot with it) loads when a reader exports or imports, not at start-up.
import * as v from 'valibot';
import { issueDetail, issuePath } from '../valibot-issues';
import { listBookmarks } from './bookmarks';
import type { FolioDB } from './open';
import { HighlightEntry, ReadEntry, exportReaderLayer, mergeReaderLayer } from './reader-transfer';

const BookmarkFile = v.object({
  app: v.literal('folio', 'must be "folio"'),
  kind: v.literal('bookmarks', 'must be "bookmarks"'),
  // Version 2 adds the reader's layer; a version 1 file (bookmarks only) imports as it was.
  version: v.picklist([1, 2], 'must be 1 or 2'),
  bookmarks: v.array(
    v.object({
      id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not an article id')),
      bookmarkedAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO date-time')),
      title: v.optional(v.string()),
    }),
  ),
  reads: v.optional(v.array(ReadEntry), []),
  highlights: v.optional(v.array(HighlightEntry), []),
});

export type BookmarkFile = v.InferOutput<typeof BookmarkFile>;

/**
 * A JSON document of every bookmark, with titles so that a reader recognises the file, and
 * (since version 2) every read mark and highlight.
 */
export async function exportBookmarks(db: FolioDB, lang: string): Promise<BookmarkFile> {
  const [entries, layer] = await Promise.all([listBookmarks(db), exportReaderLayer(db)]);
  return {
    app: 'folio',
    kind: 'bookmarks',
    version: 2,
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
    ...layer,
  };
}

export class BookmarkImportError extends Error {}

export interface ImportCounts {
  /** Bookmarks added, and those already here. */
  added: number;
  kept: number;
  /** Read marks and (live) highlights the file's newer changes replaced or added. */
  reads: number;
  highlights: number;
}

/**
 * Merges a bookmarks file into the store: new ids are added, existing bookmarks are kept as
 * they are; read marks and highlights take the newest change of each. A file that is not a
 * Folio bookmarks file changes nothing.
 */
export async function importBookmarks(db: FolioDB, text: string): Promise<ImportCounts> {
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
  const { reads, highlights } = result.output;
  const merged = await mergeReaderLayer(db, reads, highlights);
  return { added, kept: result.output.bookmarks.length - added, ...merged };
}
