import { unwrap, type IDBPIndex, type StoreNames } from 'idb';
import type { FolioDB } from './open';
import { withMarks } from './saved-marks';
import type { FolioSchema, ListedSummary, StoredSummary } from './schema';

/**
 * Where a list page ends. Lists are ordered newest first by `publishedMs`, then by id (both
 * descending, which is how a 'prev' cursor walks an index): every summary has one place, so a
 * page continues strictly after this key and ties on equal dates lose nothing.
 */
export interface ListKey {
  publishedMs: number;
  id: string;
}

export interface ListPage {
  /** With their saved marks, read in the same transaction (a get per item, never the store). */
  items: ListedSummary[];
  /** Where the next page starts, or null when this page reached the end. */
  next: ListKey | null;
}

/**
 * 'records': one `getAllRecords({ direction: 'prev' })` request per page where the browser has
 * it (Chromium 141+), else a cursor. 'cursor' forces the cursor, for browsers without it.
 */
export type ReadStrategy = 'records' | 'cursor';

type IndexName = 'by-published' | 'by-category';
type Index = IDBPIndex<FolioSchema, StoreNames<FolioSchema>[], 'summaries', IndexName>;
type IndexKey = FolioSchema['summaries']['indexes'][IndexName];

/** One index's slice of a list: the whole of it, the entries at one date, those before it. */
interface Scope {
  index: IndexName;
  all: IDBKeyRange | null;
  at(ms: number): IndexKey;
  before(ms: number): IDBKeyRange;
}

const newestScope: Scope = {
  index: 'by-published',
  all: null,
  at: (ms) => ms,
  before: (ms) => IDBKeyRange.upperBound(ms, true),
};

const categoryScope = (category: string): Scope => ({
  index: 'by-category',
  all: IDBKeyRange.bound([category, -Infinity], [category, Infinity]),
  at: (ms) => [category, ms],
  before: (ms) => IDBKeyRange.bound([category, -Infinity], [category, ms], false, true),
});

interface RecordsRequestOptions {
  query: IDBKeyRange | null;
  count: number;
  direction: IDBCursorDirection;
}
interface WithGetAllRecords {
  getAllRecords(options: RecordsRequestOptions): IDBRequest<{ value: StoredSummary }[]>;
}

function hasGetAllRecords(index: IDBIndex): index is IDBIndex & WithGetAllRecords {
  return typeof (index as Partial<WithGetAllRecords>).getAllRecords === 'function';
}

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Compares list positions: negative when `a` comes first (is newer). */
export function compareListOrder(a: ListKey, b: ListKey): number {
  if (a.publishedMs !== b.publishedMs) return b.publishedMs - a.publishedMs;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

const keyOf = (summary: StoredSummary): ListKey => ({
  publishedMs: summary.publishedMs,
  id: summary.id,
});

/** Up to `limit` summaries of `scope` strictly after `after`, in list order. */
async function readScope(
  index: Index,
  scope: Scope,
  after: ListKey | null,
  limit: number,
  strategy: ReadStrategy,
): Promise<StoredSummary[]> {
  const found: StoredSummary[] = [];
  if (after) {
    // The rest of `after`'s own date: usually none. A cursor can start at a primary key there.
    const at = scope.at(after.publishedMs);
    let cursor = await index.openCursor(IDBKeyRange.only(at), 'prev');
    if (cursor && cursor.primaryKey > after.id)
      cursor = await cursor.continuePrimaryKey(at, after.id);
    if (cursor && cursor.primaryKey === after.id) cursor = await cursor.continue();
    while (cursor && found.length < limit) {
      found.push(cursor.value);
      cursor = await cursor.continue();
    }
  }
  const remaining = limit - found.length;
  if (remaining <= 0) return found;
  const query = after ? scope.before(after.publishedMs) : scope.all;
  const raw: IDBIndex = unwrap(index);
  if (strategy === 'records' && hasGetAllRecords(raw)) {
    const records = await settle(raw.getAllRecords({ query, count: remaining, direction: 'prev' }));
    for (const record of records) found.push(record.value);
    return found;
  }
  let cursor = await index.openCursor(query, 'prev');
  while (cursor && found.length < limit) {
    found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
}

/** The newest saved summaries after `after` (from the start when null), `limit` of them. */
export async function newestPage(
  db: FolioDB,
  after: ListKey | null,
  limit: number,
  strategy: ReadStrategy = 'records',
): Promise<ListPage> {
  const tx = db.transaction(['summaries', 'saved']);
  const index = tx.objectStore('summaries').index('by-published');
  const found = await readScope(index, newestScope, after, limit, strategy);
  const items = await withMarks(tx.objectStore('saved'), found);
  const last = items.at(-1);
  return { items, next: items.length === limit && last ? keyOf(last) : null };
}

/**
 * The newest summaries in any of `categories` after `after`: up to `limit` from each category's
 * index, read side by side in one transaction, merged newest first. An article in two of them
 * has the same key in both, so it is kept once and never comes back on a later page.
 */
export async function categoriesPage(
  db: FolioDB,
  categories: readonly string[],
  after: ListKey | null,
  limit: number,
  strategy: ReadStrategy = 'records',
): Promise<ListPage> {
  if (categories.length === 0) return { items: [], next: null };
  const tx = db.transaction(['summaries', 'saved']);
  const index = tx.objectStore('summaries').index('by-category');
  const lists = await Promise.all(
    [...new Set(categories)].map((category) =>
      readScope(index, categoryScope(category), after, limit, strategy),
    ),
  );
  const merged = lists.length === 1 ? (lists[0] ?? []) : mergeNewestFirst(lists);
  // Marks only for what the page keeps.
  const items = await withMarks(tx.objectStore('saved'), merged.slice(0, limit));
  const last = items.at(-1);
  return { items, next: merged.length >= limit && last ? keyOf(last) : null };
}

/** Merges lists that are each in list order, dropping repeats of one article. */
function mergeNewestFirst(lists: StoredSummary[][]): StoredSummary[] {
  const byId = new Map<string, StoredSummary>();
  for (const list of lists) for (const summary of list) byId.set(summary.id, summary);
  return [...byId.values()].sort((a, b) => compareListOrder(keyOf(a), keyOf(b)));
}

/** The newest `limit` summaries of one category (what the bench times as figure 5). */
export async function newestInCategory(
  db: FolioDB,
  category: string,
  limit: number,
): Promise<ListedSummary[]> {
  return (await categoriesPage(db, [category], null, limit)).items;
}
