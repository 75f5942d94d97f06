import * as v from 'valibot';
import { FeedError, problem, type FeedProblem } from './problems';
import { issueDetail, issuePath } from './issues';
import { canonicalTranslations, declaredCode } from './languages';
import {
  ArticleFile,
  Category,
  FEED_VERSION,
  IndexPage,
  Language,
  Summary,
  type ArticleTranslation,
  type Comments,
  type SummaryTranslation,
} from './schema';
import { resolveUrl } from './urls';

/** What the first page says about the whole feed. */
export interface FeedInfo {
  site: { title: Record<string, string>; homepage?: string };
  languages: Language[];
  defaultLanguage: string;
  categories: Category[];
}

export interface ParsedSummary {
  id: string;
  /** Absolute address of the article file. */
  href: string;
  published: string;
  updated: string;
  categories: string[];
  translations: Record<string, SummaryTranslation>;
}

export interface ParsedPage {
  /** Present on the first page only. */
  info?: FeedInfo;
  updated: string;
  summaries: ParsedSummary[];
  /** Absolute address of the next (older) page, or null on the last page. */
  next: string | null;
  removed: string[];
  purged: string[];
  /** Entries that were skipped, each with its reason. */
  problems: FeedProblem[];
  /** Each kept summary's index in the page's `articles`, for reporting JSON paths. */
  positions: Map<string, number>;
}

export interface ParsedArticle {
  id: string;
  published: string;
  updated: string;
  categories: string[];
  translations: Record<string, ArticleTranslation>;
  comments?: Comments;
}

function checkVersion(data: unknown, label: string): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const found = Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data;
    throw new FeedError({ kind: 'invalid', file: label }, `expected a JSON object, found ${found}`);
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > FEED_VERSION) {
    throw new FeedError(
      { kind: 'version', file: label, field: 'version' },
      `feed version ${version} is newer than this app reads (${FEED_VERSION}); update Folio`,
    );
  }
}

function firstIssue<T extends v.GenericSchema>(
  schema: T,
  data: unknown,
): { output: v.InferOutput<T> } | { issue: v.BaseIssue<unknown> } {
  const result = v.safeParse(schema, data);
  if (result.success) return { output: result.output };
  return { issue: result.issues[0] };
}

function invalid(label: string, issue: v.BaseIssue<unknown>, prefix = ''): FeedError {
  const field = issuePath(issue, prefix) || undefined;
  return new FeedError({ kind: 'invalid', file: label, field }, issueDetail(issue));
}

function requireField<T>(value: T | undefined, label: string, field: string): T {
  if (value === undefined) {
    throw new FeedError({ kind: 'invalid', file: label, field }, 'is required on the first page');
  }
  return value;
}

function readFeedInfo(page: IndexPage, label: string): FeedInfo {
  const site = requireField(page.site, label, 'site');
  const languages = requireField(page.languages, label, 'languages');
  const defaultLanguage = requireField(page.defaultLanguage, label, 'defaultLanguage');
  const categories = requireField(page.categories, label, 'categories');
  const declared = declaredCode(languages, defaultLanguage);
  if (!declared) {
    throw new FeedError(
      { kind: 'invalid', file: label, field: 'defaultLanguage' },
      `"${defaultLanguage}" is not one of languages[].code`,
    );
  }
  return { site, languages, defaultLanguage: declared, categories };
}

/**
 * Parses one index page. A broken top level throws a FeedError naming the file and field; a
 * broken article entry is skipped and listed in `problems`.
 *
 * @param languages the feed's languages; omit for the first page, which declares them.
 */
export function parseIndexPage(
  data: unknown,
  options: { label: string; url: string; languages?: Language[] },
): ParsedPage {
  const { label, url } = options;
  checkVersion(data, label);
  const top = firstIssue(IndexPage, data);
  if ('issue' in top) throw invalid(label, top.issue);
  const page = top.output;
  if (page.version < FEED_VERSION) {
    throw new FeedError({ kind: 'invalid', file: label, field: 'version' }, 'must be 1');
  }
  const info = options.languages ? undefined : readFeedInfo(page, label);
  const languages = options.languages ?? info?.languages ?? [];

  const problems: FeedProblem[] = [];
  const summaries: ParsedSummary[] = [];
  const seen = new Set<string>();
  const positions = new Map<string, number>();
  page.articles.forEach((entry, index) => {
    const prefix = `articles[${index}]`;
    const entryId = readId(entry);
    const skip = (field: string, detail: string) =>
      problems.push(
        problem('invalid', label, `${detail}; article skipped`, { field, articleId: entryId }),
      );

    const parsed = firstIssue(Summary, entry);
    if ('issue' in parsed) return skip(issuePath(parsed.issue, prefix), issueDetail(parsed.issue));
    const summary = parsed.output;
    if (Date.parse(summary.updated) < Date.parse(summary.published)) {
      return skip(`${prefix}.updated`, 'must not be before published');
    }
    if (seen.has(summary.id)) return skip(`${prefix}.id`, `duplicate id "${summary.id}"`);
    const translations = canonicalTranslations(summary.translations, languages);
    if ('undeclared' in translations) {
      return skip(
        `${prefix}.translations.${translations.undeclared}`,
        `language "${translations.undeclared}" is not declared in languages`,
      );
    }
    if (Object.keys(translations.ok).length === 0) {
      return skip(`${prefix}.translations`, 'must have at least one language');
    }
    seen.add(summary.id);
    positions.set(summary.id, index);
    summaries.push({
      ...summary,
      href: resolveUrl(summary.href, url),
      translations: translations.ok,
    });
  });

  return {
    info,
    updated: page.updated,
    summaries,
    next: page.next ? resolveUrl(page.next, url) : null,
    removed: info ? (page.removed ?? []) : [],
    purged: info ? (page.purged ?? []) : [],
    problems,
    positions,
  };
}

function readId(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const id = (entry as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** Parses one article file; any problem throws a FeedError, which skips that article alone. */
export function parseArticleFile(
  data: unknown,
  options: { label: string; expectedId: string; languages: Language[] },
): ParsedArticle {
  const { label } = options;
  checkVersion(data, label);
  const parsed = firstIssue(ArticleFile, data);
  if ('issue' in parsed) throw invalid(label, parsed.issue);
  const article = parsed.output;
  if (article.id !== options.expectedId) {
    throw new FeedError(
      { kind: 'invalid', file: label, field: 'id' },
      `"${article.id}" does not match the summary's id "${options.expectedId}"`,
    );
  }
  if (Date.parse(article.updated) < Date.parse(article.published)) {
    throw new FeedError(
      { kind: 'invalid', file: label, field: 'updated' },
      'must not be before published',
    );
  }
  const translations = canonicalTranslations(article.translations, options.languages);
  if ('undeclared' in translations) {
    throw new FeedError(
      { kind: 'invalid', file: label, field: `translations.${translations.undeclared}` },
      `language "${translations.undeclared}" is not declared in languages`,
    );
  }
  if (Object.keys(translations.ok).length === 0) {
    throw new FeedError(
      { kind: 'invalid', file: label, field: 'translations' },
      'must have at least one language',
    );
  }
  const { version: _version, ...rest } = article;
  return { ...rest, translations: translations.ok };
}
