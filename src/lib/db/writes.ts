import type { FeedInfo, ParsedSummary } from '../feed';
import { countDeletion } from './deletions';
import type { FolioDB } from './open';
import { keySpan } from './key-span';
import { recountRead } from './reads';
import { joinMarks, marksOf } from './saved-marks';
import type { ListedSummary, StoredArticle, StoredSummary } from './schema';

/** Records cloned per turn of the event loop in a large write. */
const WRITE_SLICE = 25;
const SUMMARY_SLICE = 100;

export interface PageToStore {
  feedUrl: string;
  /** The first page's feed-wide metadata; absent for a later page. */
  info?: FeedInfo;
  updated: string;
  summaries: ParsedSummary[];
  removed: string[];
  purged: string[];
  /** Ids never stored from this page: the first page's removed and purged, for an older page. */
  skip?: ReadonlySet<string>;
}

function toStored(summary: ParsedSummary): StoredSummary {
  const publishedMs = Date.parse(summary.published);
  return {
    ...summary,
    publishedMs,
    categoryKeys: [...new Set(summary.categories)].map((category) => [category, publishedMs]),
  };
}

/**
 * Stores one parsed page in a single transaction: metadata, summaries, and the page's `removed`
 * and `purged` lists. Saved marks live in their own store, so storing a summary again never
 * loses what is known of its saved body. A bookmarked or highlighted article that is removed keeps
 * its saved copy (a bookmark is marked withdrawn); a purged one loses everything but a note, and
 * its highlights their quotes. On an older page (no
 * `info`) a summary already stored with a greater `updated` wins, as the spec de-duplicates
 * across pages. Returns the summaries as stored, with their saved marks.
 */
export async function storePage(db: FolioDB, page: PageToStore): Promise<ListedSummary[]> {
  const tx = db.transaction(
    ['summaries', 'articles', 'bookmarks', 'meta', 'saved', 'reads', 'highlights'],
    'readwrite',
  );
  const summaries = tx.objectStore('summaries');
  const articles = tx.objectStore('articles');
  const bookmarks = tx.objectStore('bookmarks');
  const marks = tx.objectStore('saved');
  const highlights = tx.objectStore('highlights');
  const gone = new Set([...page.removed, ...page.purged]);
  const work: Promise<unknown>[] = [];
  const done = tx.done;

  if (page.info) {
    work.push(
      tx
        .objectStore('meta')
        .put({ key: 'feed', feedUrl: page.feedUrl, updated: page.updated, ...page.info }),
    );
  }
  const kept = page.summaries.filter(
    (summary) => !gone.has(summary.id) && !page.skip?.has(summary.id),
  );
  if (gone.size > 0) work.push(countDeletion(tx.objectStore('meta')));
  for (const id of gone) {
    const purge = page.purged.includes(id);
    work.push(
      Promise.all([bookmarks.get(id), highlights.index('by-article').getAll(id)]).then(
        async ([bookmark, marked]) => {
          await summaries.delete(id);
          // A mark stands beside a summary: a withdrawn copy kept for its bookmark has none.
          await marks.delete(id);
          await recountRead(tx.objectStore('reads'), id, null);
          if (bookmark) {
            await bookmarks.put(
              purge
                ? { id, createdAt: bookmark.createdAt, state: 'purged' }
                : { ...bookmark, state: 'withdrawn' },
            );
          }
          // A withdrawn copy is kept for a bookmark or a highlight, as it is kept from pruning;
          // a legal takedown keeps nothing of the text: not the copy, not the highlights' quotes
          // (the reader's notes are the reader's own, and stay).
          const highlighted = marked.some((highlight) => highlight.deletedAt === null);
          if (purge || (!bookmark && !highlighted)) await articles.delete(id);
          if (purge) {
            const erased = {
              type: 'TextQuoteSelector',
              exact: '',
              prefix: '',
              suffix: '',
            } as const;
            const now = Date.now();
            // The feed lists a takedown for a year: only quotes not erased yet are written.
            for (const highlight of marked.filter((found) => found.quote.exact !== '')) {
              await highlights.put({ ...highlight, quote: erased, changedAt: now });
            }
          }
        },
      ),
    );
  }
  try {
    // One key read tells which summaries are stored already; only those and their marks are read
    // (new ones, the bulk of a first sync, cost a put and nothing else).
    const present = await presentAmong(summaries, kept);
    const reads = tx.objectStore('reads');
    const [existing, marked, withReadMark] = await Promise.all([
      recordsOf(summaries, present),
      marksOf(marks, present, 'auto'),
      // Marks of articles not stored yet (imported from another device): one key scan.
      presentAmong(reads, kept).then((ids) => new Set(ids)),
    ]);
    const stored = kept.map((summary) => {
      const before = existing.get(summary.id);
      return !page.info && before && newer(before.updated, summary.updated)
        ? before
        : toStored(summary);
    });
    // A newer copy kept as it is needs no write.
    const changed = stored.filter((summary) => summary !== existing.get(summary.id));
    for (const summary of changed) {
      const before = existing.get(summary.id);
      const moved = before
        ? before.categories.join('\n') !== summary.categories.join('\n')
        : withReadMark.has(summary.id);
      if (moved) work.push(recountRead(reads, summary.id, summary.categories));
    }
    await putInSlices(changed, SUMMARY_SLICE, (summary) => summaries.put(summary));
    await Promise.all(work);
    await done;
    return joinMarks(stored, marked);
  } catch (error) {
    done.catch(() => undefined);
    throw error;
  }
}

/** The reads presentAmong and recordsOf need, of a summaries store in any transaction. */
interface StoreLike {
  getAllKeys(query?: IDBKeyRange | null): Promise<string[]>;
  get(key: string): Promise<StoredSummary | undefined>;
}

/** The read presentAmong needs: a store keyed by article id (summaries, read marks). */
interface KeyedStore {
  getAllKeys(query?: IDBKeyRange | null): Promise<string[]>;
}

/** The ids among `candidates` whose summary is stored, read with one key scan. */
async function presentAmong(store: KeyedStore, candidates: { id: string }[]): Promise<string[]> {
  const span = keySpan(candidates.map(({ id }) => id));
  if (!span) return [];
  const keys = new Set(await store.getAllKeys(span));
  return candidates.filter(({ id }) => keys.has(id)).map(({ id }) => id);
}

/** The stored summaries of `ids`, a get each. */
async function recordsOf(store: StoreLike, ids: string[]): Promise<Map<string, StoredSummary>> {
  const found = new Map<string, StoredSummary>();
  const records = await Promise.all(ids.map((id) => store.get(id)));
  for (const record of records) if (record) found.set(record.id, record);
  return found;
}

/**
 * Queues `put` for every record, a slice per turn of the event loop: each put clones its record
 * on this thread, so no task grows long. The next slice is queued as soon as the first request of
 * the previous one completes (the transaction is active then), so the database always has work
 * queued, as it has in a single-task bulk put. Resolves when every request has.
 */
export async function putInSlices<T>(
  records: readonly T[],
  slice: number,
  put: (record: T) => Promise<unknown>,
): Promise<void> {
  const all: Promise<unknown>[] = [];
  for (let start = 0; start < records.length; start += slice) {
    const queued = records.slice(start, start + slice).map(put);
    all.push(...queued);
    if (start + slice < records.length) await queued[0];
  }
  await Promise.all(all);
}

function newer(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/**
 * Stores fetched articles in one transaction and marks them saved: a small record in the `saved`
 * store for each article whose summary is stored (the summary itself is not written again). With
 * `known` (the summaries as the caller just stored them) nothing is read, and the summaries store
 * is not even in the transaction: a write is only puts, which is what keeps a sync's storage
 * phase close to a bare put of the same records.
 */
export async function storeArticles(
  db: FolioDB,
  batch: StoredArticle[],
  known?: ReadonlyMap<string, StoredSummary>,
): Promise<void> {
  if (batch.length === 0) return;
  const tx = known
    ? db.transaction(['articles', 'saved'], 'readwrite')
    : db.transaction(['summaries', 'articles', 'saved'], 'readwrite');
  const articles = tx.objectStore('articles');
  const marks = tx.objectStore('saved');
  const done = tx.done;
  try {
    const stored: { has(id: string): boolean } =
      known ?? new Set(await presentAmong(tx.objectStore('summaries'), batch));
    // Article and mark side by side, so a slice clones a bounded amount of text.
    const writes: (() => Promise<unknown>)[] = [];
    for (const article of batch) {
      writes.push(() => articles.put(article));
      if (stored.has(article.id)) writes.push(() => marks.put(article.updated, article.id));
    }
    await putInSlices(writes, WRITE_SLICE * 2, (write) => write());
    await done;
  } catch (error) {
    // The transaction aborts with the request; its own rejection says the same.
    done.catch(() => undefined);
    throw error;
  }
}

/** Ids among `candidates` whose full article is missing or older than its summary says. */
export async function idsNeedingBodies(db: FolioDB, candidates: string[]): Promise<string[]> {
  const tx = db.transaction(['summaries', 'saved']);
  const [records, marks] = await Promise.all([
    Promise.all(candidates.map((id) => tx.objectStore('summaries').get(id))),
    marksOf(tx.objectStore('saved'), candidates),
  ]);
  await tx.done;
  return records
    .filter(
      (record): record is StoredSummary => !!record && marks.get(record.id) !== record.updated,
    )
    .map((record) => record.id);
}
