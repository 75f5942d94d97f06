// Bookmarks to and from a file: the Bookmarks page's own chunk, never the first screen's.
import { getDb } from '../db';
import { requestSync } from '../sync/client';
import { bookmarks } from './bookmarks.svelte';
import { readMarks } from './read-marks.svelte';
import { downloadText } from '../ui/download';

const EXPORT_FILE = 'folio-bookmarks.json';

export type ImportOutcome =
  | { ok: true; added: number; kept: number; reads: number; highlights: number }
  /** `detail` comes from the file check, in English: it names the field that was wrong. */
  | { ok: false; detail: string };

/** Downloads every bookmark as `folio-bookmarks.json`. */
export async function exportBookmarksFile(lang: string): Promise<void> {
  const { exportBookmarks } = await import('../db/bookmark-transfer');
  const data = await exportBookmarks(await getDb(), lang);
  downloadText(EXPORT_FILE, 'application/json', JSON.stringify(data, null, 2));
}

/**
 * Merges a bookmarks file (with read marks and highlights since version 2); a file that is not
 * one changes nothing and says why.
 */
export async function importBookmarksFile(file: Blob): Promise<ImportOutcome> {
  const { BookmarkImportError, importBookmarks } = await import('../db/bookmark-transfer');
  let result: Awaited<ReturnType<typeof importBookmarks>>;
  try {
    result = await importBookmarks(await getDb(), await file.text());
  } catch (error) {
    if (error instanceof BookmarkImportError) return { ok: false, detail: error.message };
    throw error;
  }
  await bookmarks.refresh();
  // Read marks shown on a list are read again, here and in other tabs.
  if (result.reads > 0) await readMarks.current?.refresh();
  if (result.added > 0) {
    bookmarks.announce();
    // The imported bookmarks' full texts are saved by the next sync: run it now.
    void requestSync().catch(() => undefined);
  }
  return { ok: true, ...result };
}
