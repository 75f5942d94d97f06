import { FEED_URL, articleFor, indexPage, summaries } from '../../fixtures/feed';

type Json = Record<string, unknown>;

export const pageUrl = (n: number): string =>
  n === 1 ? FEED_URL : new URL(`index-${n}.json`, FEED_URL).href;

export const articleUrl = (id: string): string => new URL(`articles/${id}.json`, FEED_URL).href;

/** A later (archive) page: only what the spec requires of it. */
export function laterPage(entries: unknown[], next?: string | null, extra: Json = {}): Json {
  return {
    version: 1,
    updated: '2026-11-01T00:00:00Z',
    articles: entries,
    ...(next ? { next } : {}),
    ...extra,
  };
}

/** `count` articles, newest first, over pages of `pageSize` linked by `next`, with bodies. */
export function pagedFeed(count: number, pageSize: number, options: { bodies?: boolean } = {}) {
  const entries = summaries(count);
  const pages: Json[][] = [];
  for (let start = 0; start < count; start += pageSize) {
    pages.push(entries.slice(start, start + pageSize));
  }
  const routes: Record<string, unknown> = {};
  pages.forEach((page, index) => {
    const next = index + 1 < pages.length ? `index-${index + 2}.json` : null;
    routes[pageUrl(index + 1)] =
      index === 0 ? indexPage(page, next ? { next } : {}) : laterPage(page, next);
  });
  if (options.bodies !== false) {
    for (const entry of entries) routes[articleUrl(String(entry.id))] = articleFor(entry);
  }
  return { entries, pages, routes };
}
