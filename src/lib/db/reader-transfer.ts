// The reader's layer in an export file (version 2): read marks and highlights, each merged by
// id on import with the newest change winning, deletions (highlight tombstones, marks back to
// unread) included, so that two devices converge whichever file is imported where.
import * as v from 'valibot';
import type { FolioDB } from './open';
import type { Highlight, ReadMark } from './schema';

const ARTICLE_ID = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not an article id'));
const TIME = v.pipe(v.string(), v.isoTimestamp('must be an ISO date-time'));
const OFFSET = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0));

export const ReadEntry = v.object({ id: ARTICLE_ID, read: v.boolean(), changedAt: TIME });

export const HighlightEntry = v.object({
  id: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  articleId: ARTICLE_ID,
  lang: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  quote: v.object({
    exact: v.pipe(v.string(), v.minLength(1)),
    prefix: v.string(),
    suffix: v.string(),
  }),
  position: v.object({ start: OFFSET, end: OFFSET }),
  note: v.string(),
  createdAt: TIME,
  changedAt: TIME,
  deletedAt: v.nullable(TIME),
});

export type ReadEntry = v.InferOutput<typeof ReadEntry>;
export type HighlightEntry = v.InferOutput<typeof HighlightEntry>;

const iso = (ms: number) => new Date(ms).toISOString();

/** Every read mark and highlight (tombstones too: they carry deletions to the other device). */
export async function exportReaderLayer(
  db: FolioDB,
): Promise<{ reads: ReadEntry[]; highlights: HighlightEntry[] }> {
  const tx = db.transaction(['reads', 'highlights']);
  const [marks, highlights] = await Promise.all([
    tx.objectStore('reads').getAll(),
    tx.objectStore('highlights').getAll(),
  ]);
  return {
    reads: marks.map((mark) => ({ id: mark.id, read: mark.read, changedAt: iso(mark.changedAt) })),
    highlights: highlights.map((highlight) => ({
      id: highlight.id,
      articleId: highlight.articleId,
      lang: highlight.lang,
      quote: {
        exact: highlight.quote.exact,
        prefix: highlight.quote.prefix,
        suffix: highlight.quote.suffix,
      },
      position: { start: highlight.position.start, end: highlight.position.end },
      note: highlight.note,
      createdAt: iso(highlight.createdAt),
      changedAt: iso(highlight.changedAt),
      deletedAt: highlight.deletedAt === null ? null : iso(highlight.deletedAt),
    })),
  };
}

/** Merges read marks and highlights, the newest change of each winning; returns how many won. */
export async function mergeReaderLayer(
  db: FolioDB,
  reads: readonly ReadEntry[],
  highlights: readonly HighlightEntry[],
): Promise<{ reads: number; highlights: number }> {
  const tx = db.transaction(['reads', 'highlights', 'summaries'], 'readwrite');
  const marks = tx.objectStore('reads');
  const stored = tx.objectStore('highlights');
  const summaries = tx.objectStore('summaries');
  const readsTaken = await Promise.all(
    reads.map(async (entry) => {
      const changedAt = Date.parse(entry.changedAt);
      const [mine, summary] = await Promise.all([marks.get(entry.id), summaries.get(entry.id)]);
      if (mine && mine.changedAt >= changedAt) return false;
      const countedIn = entry.read && summary ? ['', ...summary.categories] : [];
      const mark: ReadMark = { id: entry.id, read: entry.read, changedAt, countedIn };
      await marks.put(mark);
      return true;
    }),
  );
  const highlightsTaken = await Promise.all(
    highlights.map(async (entry) => {
      const changedAt = Date.parse(entry.changedAt);
      const mine = await stored.get(entry.id);
      if (mine && mine.changedAt >= changedAt) return false;
      const highlight: Highlight = {
        id: entry.id,
        articleId: entry.articleId,
        lang: entry.lang,
        quote: { type: 'TextQuoteSelector', ...entry.quote },
        position: { type: 'TextPositionSelector', ...entry.position },
        note: entry.note,
        createdAt: Date.parse(entry.createdAt),
        changedAt,
        deletedAt: entry.deletedAt === null ? null : Date.parse(entry.deletedAt),
      };
      await stored.put(highlight);
      return true;
    }),
  );
  await tx.done;
  return {
    reads: readsTaken.filter(Boolean).length,
    highlights: highlightsTaken.filter((taken, i) => taken && highlights[i]?.deletedAt === null)
      .length,
  };
}
