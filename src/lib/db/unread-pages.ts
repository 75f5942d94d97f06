// The unread filter of a list: its pages read in turn, their read articles left out. Its own
// chunk, fetched when a reader first asks for unread articles only.
import type { ListKey, ListPage } from './list-queries';
import type { FolioDB } from './open';
import { readIds } from './reads';
import type { ListedSummary } from './schema';

/**
 * At least `limit` unread summaries after `after` (fewer at the end of the list), from the pages
 * `readPage` gives: where most are read, it reads on until enough are found or the list ends.
 */
export async function unreadPage(
  db: FolioDB,
  readPage: (after: ListKey | null) => Promise<ListPage>,
  after: ListKey | null,
  limit: number,
): Promise<ListPage> {
  const items: ListedSummary[] = [];
  let from = after;
  for (;;) {
    const page = await readPage(from);
    const read = await readIds(
      db,
      page.items.map((item) => item.id),
    );
    for (const item of page.items) if (!read.has(item.id)) items.push(item);
    if (page.next === null || items.length >= limit) return { items, next: page.next };
    from = page.next;
  }
}
