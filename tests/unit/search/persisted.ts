import type { FolioDB } from '../../../src/lib/db';
import { loadSearchIndex } from '../../../src/lib/db/search-store';
import { SearchIndex } from '../../../src/lib/search/search-index';
import { parseSnapshot } from '../../../src/lib/search/snapshot';

/** A query for every language and category, English preferred, as the search page asks. */
export const request = (query: string) => ({
  query,
  lang: null,
  category: null,
  preferLang: 'en',
  limit: 50,
});

/** What a fresh index loaded from the persisted record alone answers. */
export async function persistedFind(db: FolioDB, query: string): Promise<string[]> {
  const record = await loadSearchIndex(db);
  const snapshot = record ? parseSnapshot(record.format, record.data) : null;
  if (!snapshot) throw new Error('No usable persisted index');
  const index = new SearchIndex();
  index.load(snapshot.index);
  return index.search(request(query)).hits.map((hit) => hit.articleId);
}
