import type { FeedInfo, ParsedSummary } from '../feed';
import type { FolioDB } from './open';
import type { StoredArticle, StoredSummary } from './schema';

export interface PageToStore {
  feedUrl: string;
  /** The first page's feed-wide metadata; absent for a later page. */
  info?: FeedInfo;
  updated: string;
  summaries: ParsedSummary[];
  removed: string[];
  purged: string[];
}

function toStored(summary: ParsedSummary, saved: string | null): StoredSummary {
  const publishedMs = Date.parse(summary.published);
  return {
    ...summary,
    publishedMs,
    categoryKeys: [...new Set(summary.categories)].map((category) => [category, publishedMs]),
    saved,
  };
}

/**
 * Stores one parsed page in a single transaction: metadata, summaries (keeping what is known of
 * saved bodies), and the page's `removed` and `purged` lists. A bookmarked article that is
 * removed keeps its saved copy and is marked withdrawn; a purged one loses everything but a note.
 */
export async function storePage(db: FolioDB, page: PageToStore): Promise<void> {
  const tx = db.transaction(['summaries', 'articles', 'bookmarks', 'meta'], 'readwrite');
  const summaries = tx.objectStore('summaries');
  const articles = tx.objectStore('articles');
  const bookmarks = tx.objectStore('bookmarks');
  const gone = new Set([...page.removed, ...page.purged]);
  const work: Promise<unknown>[] = [];

  if (page.info) {
    work.push(
      tx
        .objectStore('meta')
        .put({ key: 'feed', feedUrl: page.feedUrl, updated: page.updated, ...page.info }),
    );
  }
  for (const summary of page.summaries) {
    if (gone.has(summary.id)) continue;
    work.push(
      summaries
        .get(summary.id)
        .then((existing) => summaries.put(toStored(summary, existing?.saved ?? null))),
    );
  }
  for (const id of gone) {
    const purge = page.purged.includes(id);
    work.push(
      bookmarks.get(id).then(async (bookmark) => {
        await summaries.delete(id);
        if (bookmark) {
          await bookmarks.put(
            purge
              ? { id, createdAt: bookmark.createdAt, state: 'purged' }
              : { ...bookmark, state: 'withdrawn' },
          );
          // A withdrawn bookmark keeps its saved copy; a legal takedown keeps nothing.
          if (purge) await articles.delete(id);
        } else {
          await articles.delete(id);
        }
      }),
    );
  }
  await Promise.all([...work, tx.done]);
}

/** Stores fetched articles in one transaction and marks their summaries as saved. */
export async function storeArticles(db: FolioDB, batch: StoredArticle[]): Promise<void> {
  if (batch.length === 0) return;
  const tx = db.transaction(['summaries', 'articles'], 'readwrite');
  const summaries = tx.objectStore('summaries');
  const articles = tx.objectStore('articles');
  const work = batch.map(async (article) => {
    await articles.put(article);
    const summary = await summaries.get(article.id);
    if (summary) await summaries.put({ ...summary, saved: article.updated });
  });
  await Promise.all([...work, tx.done]);
}

/** Ids among `candidates` whose full article is missing or older than its summary says. */
export async function idsNeedingBodies(db: FolioDB, candidates: string[]): Promise<string[]> {
  const tx = db.transaction('summaries');
  const records = await Promise.all(candidates.map((id) => tx.store.get(id)));
  await tx.done;
  return records
    .filter((record): record is StoredSummary => !!record && record.saved !== record.updated)
    .map((record) => record.id);
}
