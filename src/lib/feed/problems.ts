/**
 * What went wrong with one feed file, in words a reader can act on.
 *
 * `kind` drives the app's reaction: `offline` keeps the cache and says so; everything else is
 * reported with the file (and field) it concerns.
 */
export type FeedProblemKind =
  'offline' | 'http' | 'not-json' | 'too-large' | 'too-deep' | 'invalid' | 'version' | 'storage';

export interface FeedProblem {
  kind: FeedProblemKind;
  /** The file as the publisher knows it: relative to the feed root when it is under it. */
  file: string;
  /** JSON path of the offending field, e.g. `articles[2].translations.es.title`. */
  field?: string;
  /** Set when the problem skips one article rather than the whole file. */
  articleId?: string;
  message: string;
}

export class FeedError extends Error {
  readonly problem: FeedProblem;

  constructor(problem: Omit<FeedProblem, 'message'>, detail: string) {
    const message = formatProblem(problem.file, problem.field, detail);
    super(message);
    this.name = 'FeedError';
    this.problem = { ...problem, message };
  }
}

export function formatProblem(file: string, field: string | undefined, detail: string): string {
  return field ? `${file}: ${field}: ${detail}` : `${file}: ${detail}`;
}

export function problem(
  kind: FeedProblemKind,
  file: string,
  detail: string,
  extra: { field?: string; articleId?: string } = {},
): FeedProblem {
  return { kind, file, ...extra, message: formatProblem(file, extra.field, detail) };
}
