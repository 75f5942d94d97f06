import {
  FeedError,
  fetchJson,
  parseArticleFile,
  problem,
  type FeedProblem,
  type FetchLike,
  type Language,
  type ParsedSummary,
} from '../feed';
import type { StoredArticle } from '../db';
import { isQuotaError } from './storage-guard';

/** Fetches and parses the full article a summary points to. */
export async function fetchArticle(
  summary: ParsedSummary,
  label: string,
  languages: Language[],
  fetch: FetchLike,
  timeoutMs: number,
): Promise<Omit<StoredArticle, 'fetchedAt'>> {
  const file = await fetchJson(summary.href, { fetch, label, timeoutMs });
  const article = parseArticleFile(file.data, { label, expectedId: summary.id, languages });
  if (article.updated !== summary.updated) {
    // Most often a CDN still serving the old file: skip it now and try again next sync.
    throw new FeedError(
      { kind: 'invalid', file: label, field: 'updated' },
      `"${article.updated}" does not match the summary's "${summary.updated}"`,
    );
  }
  return { ...article, url: file.url };
}

/** What a failure means to the reader: a feed problem as it is, anything else is storage. */
export function asProblem(error: unknown, file: string): FeedProblem {
  if (error instanceof FeedError) return error.problem;
  if (isQuotaError(error)) {
    return problem('storage', file, 'the device is out of storage space; nothing was lost');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return problem('storage', file, `could not be saved (${detail})`);
}
