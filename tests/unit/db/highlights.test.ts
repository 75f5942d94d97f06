import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_STORAGE_SETTINGS,
  allHighlights,
  applyRetention,
  clearSaved,
  pruneOldest,
  deleteHighlight,
  highlightedArticleIds,
  highlightsOf,
  openFolioDb,
  putHighlight,
  type FolioDB,
  type Highlight,
} from '../../../src/lib/db';
import { describe as describeSpan } from '../../../src/lib/annotations/anchor';
import { summary } from '../../fixtures/feed';
import { storedFeed } from '../../fixtures/stored-feed';

let db: FolioDB | undefined;
afterEach(() => db?.close());

const text = 'The council met on Monday. Withdrawal was on the agenda.';

function highlight(id: string, articleId: string, createdAt: number, note = ''): Highlight {
  return {
    id,
    articleId,
    lang: 'en',
    ...describeSpan(text, 27, 37),
    note,
    createdAt,
    changedAt: createdAt,
    deletedAt: null,
  };
}

describe('stored highlights', () => {
  it('are listed per article and in all, oldest first', async () => {
    db = await openFolioDb();
    await putHighlight(db, highlight('h2', 'a', 20, 'Second'));
    await putHighlight(db, highlight('h1', 'a', 10));
    await putHighlight(db, highlight('h3', 'b', 15));
    expect((await highlightsOf(db, 'a')).map((h) => h.id)).toEqual(['h1', 'h2']);
    expect((await allHighlights(db)).map((h) => h.id)).toEqual(['h1', 'h3', 'h2']);
    expect(await highlightedArticleIds(db)).toEqual(new Set(['a', 'b']));
    expect((await highlightsOf(db, 'a'))[1]?.quote.exact).toBe('Withdrawal');
  });

  it('leave a tombstone when deleted, and an Undo puts them back', async () => {
    db = await openFolioDb();
    const kept = highlight('h1', 'a', 10, 'A note');
    await putHighlight(db, kept);
    const removed = await deleteHighlight(db, 'h1', 50);
    expect(removed).toEqual(kept);
    expect(await highlightsOf(db, 'a')).toEqual([]);
    expect(await highlightedArticleIds(db)).toEqual(new Set());
    expect(await db.get('highlights', 'h1')).toMatchObject({ deletedAt: 50, changedAt: 50 });
    expect(await deleteHighlight(db, 'h1', 60)).toBeUndefined();
    await putHighlight(db, removed as Highlight);
    expect(await highlightsOf(db, 'a')).toEqual([kept]);
  });
});

describe('the text of a highlighted article', () => {
  const { storeSummaries, storeBody } = storedFeed(() => db as FolioDB);
  const day = (n: number) => `2026-11-0${n}T08:00:00Z`;
  const noImages = () => [];

  it('is kept by retention, quota recovery and "clear saved", until its highlight is deleted', async () => {
    db = await openFolioDb();
    await storeSummaries(
      ['c', 'b', 'a'].map((id, i) => summary(id, { published: day(3 - i), updated: day(3 - i) })),
    );
    for (const id of ['a', 'b', 'c']) await storeBody(id);
    await putHighlight(db, highlight('h1', 'a', 10));

    // Retention of one keeps the newest (c) and the highlighted one (a), the oldest.
    const retained = await applyRetention(
      db,
      { ...DEFAULT_STORAGE_SETTINGS, retention: 1 },
      noImages,
    );
    expect(retained.ids).toEqual(['b']);
    // A full disk frees the oldest first: a is passed over.
    expect((await pruneOldest(db, 5, noImages)).ids).toEqual(['c']);
    expect((await clearSaved(db, noImages)).ids).toEqual([]);
    expect(await db.getAllKeys('articles')).toEqual(['a']);

    await deleteHighlight(db, 'h1');
    expect((await clearSaved(db, noImages)).ids).toEqual(['a']);
  });
});
