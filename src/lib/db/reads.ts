// Read and unread. A mark per article the reader read (or marked unread again), in a store of its
// own so that syncing summaries never touches it. Unread counts are index counts: the read marks
// of articles in the feed list '' and their categories in `countedIn`, indexed, so that
// "unread in a category" is the category's summaries counted in their index less its read marks
// counted in theirs, with no record read.
import type { FolioDB } from './open';
import type { ReadMark } from './schema';

/** Which of `ids` are read. */
export async function readIds(db: FolioDB, ids: readonly string[]): Promise<Set<string>> {
  const store = db.transaction('reads').store;
  const marks = await Promise.all(ids.map((id) => store.get(id)));
  return new Set(marks.filter((mark) => mark?.read === true).map((mark) => (mark as ReadMark).id));
}

/** An article's mark as it was before a change: undefined when it had none. */
export interface PreviousMark {
  id: string;
  mark: ReadMark | undefined;
}

/**
 * Marks `ids` read (or unread) at `now`, in one transaction. Returns the marks as they were, for
 * an Undo (restoreReadMarks). Ids without a stored summary are marked but counted nowhere.
 */
export async function setRead(
  db: FolioDB,
  ids: readonly string[],
  read: boolean,
  now = Date.now(),
): Promise<PreviousMark[]> {
  const tx = db.transaction(['reads', 'summaries'], 'readwrite');
  const reads = tx.objectStore('reads');
  const summaries = tx.objectStore('summaries');
  const previous = await Promise.all(
    ids.map(async (id) => {
      const [mark, summary] = await Promise.all([reads.get(id), summaries.get(id)]);
      const countedIn = read && summary ? ['', ...summary.categories] : [];
      await reads.put({ id, read, changedAt: now, countedIn });
      return { id, mark };
    }),
  );
  await tx.done;
  return previous;
}

/** Puts marks back as `setRead` found them. */
export async function restoreReadMarks(
  db: FolioDB,
  previous: readonly PreviousMark[],
): Promise<void> {
  const tx = db.transaction('reads', 'readwrite');
  await Promise.all(
    previous.map(({ id, mark }) => (mark ? tx.store.put(mark) : tx.store.delete(id))),
  );
  await tx.done;
}

const rangeOf = (category: string) =>
  IDBKeyRange.bound([category, -Infinity], [category, Infinity]);

export interface UnreadCounts {
  /** Unread articles in the feed. */
  total: number;
  /** Per category asked for. */
  byCategory: Map<string, number>;
}

/** Unread articles in all and in each of `categories`, from index counts alone. */
export async function unreadCounts(
  db: FolioDB,
  categories: readonly string[],
): Promise<UnreadCounts> {
  const tx = db.transaction(['summaries', 'reads']);
  const summaries = tx.objectStore('summaries');
  const counted = tx.objectStore('reads').index('by-category');
  const [all, readInAll, perCategory] = await Promise.all([
    summaries.count(),
    counted.count(''),
    Promise.all(
      categories.map(async (category) => {
        const [inCategory, read] = await Promise.all([
          summaries.index('by-category').count(rangeOf(category)),
          counted.count(category),
        ]);
        return [category, Math.max(0, inCategory - read)] as const;
      }),
    ),
  ]);
  return { total: Math.max(0, all - readInAll), byCategory: new Map(perCategory) };
}

/** The reads store as a read-write transaction of any scope has it. */
interface ReadsStore {
  get(id: string): Promise<ReadMark | undefined>;
  put(mark: ReadMark): Promise<unknown>;
}

/**
 * Keeps a read article counted where its summary now is: in `categories`, or nowhere (null)
 * once it left the feed. The sync calls it in its own transaction; the mark itself stays.
 */
export async function recountRead(
  store: ReadsStore,
  id: string,
  categories: readonly string[] | null,
): Promise<void> {
  const mark = await store.get(id);
  if (!mark?.read) return;
  await store.put({ ...mark, countedIn: categories ? ['', ...categories] : [] });
}

/** The ids of every stored summary in any of `categories` (all of them when none), keys only. */
export async function idsInScope(db: FolioDB, categories: readonly string[]): Promise<string[]> {
  const store = db.transaction('summaries').store;
  if (categories.length === 0) return store.getAllKeys();
  const index = store.index('by-category');
  const lists = await Promise.all(
    categories.map((category) => index.getAllKeys(rangeOf(category))),
  );
  return [...new Set(lists.flat())];
}

/**
 * The unread articles published after `since` (ms), newest first: what is new since the
 * reader's last visit. Keys only from the date index; a get per article found.
 */
export async function unreadSince(db: FolioDB, since: number): Promise<string[]> {
  const tx = db.transaction(['summaries', 'reads']);
  const range = IDBKeyRange.lowerBound(since, true);
  const ids = (await tx.objectStore('summaries').index('by-published').getAllKeys(range)).reverse();
  const marks = await Promise.all(ids.map((id) => tx.objectStore('reads').get(id)));
  return ids.filter((_id, i) => marks[i]?.read !== true);
}
