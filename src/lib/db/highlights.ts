// The reader's highlights and notes. A deleted highlight stays as a tombstone (deletedAt), so
// that importing an older export does not bring it back; reads leave tombstones out.
import type { FolioDB } from './open';
import type { Highlight } from './schema';

/** Saves a new or changed highlight. */
export async function putHighlight(db: FolioDB, highlight: Highlight): Promise<void> {
  await db.put('highlights', highlight);
}

/** Marks a highlight deleted at `now`; returns it as it was, for an Undo (putHighlight). */
export async function deleteHighlight(
  db: FolioDB,
  id: string,
  now = Date.now(),
): Promise<Highlight | undefined> {
  const tx = db.transaction('highlights', 'readwrite');
  const highlight = await tx.store.get(id);
  if (highlight && highlight.deletedAt === null) {
    await tx.store.put({ ...highlight, deletedAt: now, changedAt: now });
  }
  await tx.done;
  return highlight?.deletedAt === null ? highlight : undefined;
}

/** An article's highlights, oldest first. */
export async function highlightsOf(db: FolioDB, articleId: string): Promise<Highlight[]> {
  const found = await db.getAllFromIndex('highlights', 'by-article', articleId);
  return found.filter((highlight) => highlight.deletedAt === null).sort(byCreation);
}

/** Every highlight, oldest first. */
export async function allHighlights(db: FolioDB): Promise<Highlight[]> {
  const found = await db.getAllFromIndex('highlights', 'by-created');
  return found.filter((highlight) => highlight.deletedAt === null);
}

/** Ids of the articles with a highlight: their bodies are always kept. */
export async function highlightedArticleIds(db: FolioDB): Promise<Set<string>> {
  return new Set((await allHighlights(db)).map((highlight) => highlight.articleId));
}

const byCreation = (a: Highlight, b: Highlight) => a.createdAt - b.createdAt;
