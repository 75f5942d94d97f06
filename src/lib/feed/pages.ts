import { fetchJson, type FetchLike } from './fetch-json';
import { parseIndexPage, type ParsedPage } from './parse';
import type { Language } from './schema';
import { feedRootOf, fileLabel } from './urls';

export interface ReadPagesOptions {
  fetch: FetchLike;
  timeoutMs: number;
  /** Stop after this many pages (the first included). */
  maxPages?: number;
}

/**
 * Reads the feed's pages in order, following `next`. Stops at a URL already visited in this
 * crawl (a page linking to itself, or a cycle), keeping what it read. A broken page throws a
 * FeedError, after the pages before it were yielded.
 */
export async function* readPages(
  feedUrl: string,
  options: ReadPagesOptions,
): AsyncGenerator<ParsedPage & { url: string }> {
  const root = feedRootOf(feedUrl);
  const visited = new Set<string>();
  let languages: Language[] | undefined;
  let next: string | null = feedUrl;
  while (next && !visited.has(next) && visited.size < (options.maxPages ?? Infinity)) {
    visited.add(next);
    const label = fileLabel(next, root);
    const file = await fetchJson(next, {
      fetch: options.fetch,
      label,
      timeoutMs: options.timeoutMs,
    });
    const page = parseIndexPage(file.data, { label, url: file.url, languages });
    languages ??= page.info?.languages;
    // A redirect lands on the final URL; count it as visited too.
    visited.add(file.url);
    yield { ...page, url: file.url };
    next = page.next;
  }
}
