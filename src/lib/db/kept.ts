import { bookmarkedIds } from './bookmarks';
import { highlightedArticleIds } from './highlights';
import type { FolioDB } from './open';

/** The articles whose full text is always kept: the bookmarked and the highlighted ones. */
export async function keptForReader(db: FolioDB): Promise<Set<string>> {
  const [bookmarked, highlighted] = await Promise.all([
    bookmarkedIds(db),
    highlightedArticleIds(db),
  ]);
  return new Set([...bookmarked, ...highlighted]);
}
