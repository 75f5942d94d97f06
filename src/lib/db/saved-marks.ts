// The `saved` store (since version 4): one small record per saved full article, keyed by its id,
// whose value is the saved article's `updated`. Reads that need to know which bodies are saved
// join these marks to the summaries they return, in the same transaction.
import { keySpan } from './key-span';
import type { ListedSummary, StoredSummary } from './schema';

/** The reads of the `saved` store a join needs, from any transaction that includes it. */
export interface MarkReader {
  get(key: string): Promise<string | undefined>;
  getAll(query?: IDBKeyRange | null): Promise<string[]>;
  getAllKeys(query?: IDBKeyRange | null): Promise<string[]>;
}

/**
 * 'each': one get per id, for a few ids scattered over the key space (a list page).
 * 'range': every mark between the lowest and the highest id, keys and values, in two requests:
 * for ids that cover their range densely (a batch in key order), or many ids (marks are few and
 * small, so reading them all costs less than a get per id).
 * 'auto': 'each' below MANY_MARKS ids, else 'range'.
 */
export type MarkRead = 'each' | 'range' | 'auto';

/** From this many ids on, 'auto' reads the marks of their range rather than one by one. */
export const MANY_MARKS = 50;

/** The marks of `ids` that exist, by id. */
export async function marksOf(
  store: MarkReader,
  ids: readonly string[],
  read: MarkRead = 'each',
): Promise<Map<string, string>> {
  const marks = new Map<string, string>();
  if (read === 'each' || (read === 'auto' && ids.length < MANY_MARKS)) {
    const found = await Promise.all(ids.map((id) => store.get(id)));
    ids.forEach((id, at) => {
      const mark = found[at];
      if (mark !== undefined) marks.set(id, mark);
    });
    return marks;
  }
  const range = keySpan(ids);
  if (!range) return marks;
  // Both requests are queued in the same turn, so no other request of the transaction runs
  // between them: the keys and the values line up.
  const [keys, values] = await Promise.all([store.getAllKeys(range), store.getAll(range)]);
  const wanted = new Set(ids);
  keys.forEach((key, at) => {
    const mark = values[at];
    if (wanted.has(key) && mark !== undefined) marks.set(key, mark);
  });
  return marks;
}

/** `summaries` with their marks (null where the body is not saved), as new objects. */
export function joinMarks(
  summaries: readonly StoredSummary[],
  marks: ReadonlyMap<string, string>,
): ListedSummary[] {
  return summaries.map((summary) => ({ ...summary, saved: marks.get(summary.id) ?? null }));
}

/** Reads the marks of `summaries` and joins them. */
export async function withMarks(
  store: MarkReader,
  summaries: readonly StoredSummary[],
  read: MarkRead = 'each',
): Promise<ListedSummary[]> {
  const marks = await marksOf(
    store,
    summaries.map((summary) => summary.id),
    read,
  );
  return joinMarks(summaries, marks);
}
