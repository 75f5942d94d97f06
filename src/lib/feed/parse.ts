import { FeedError, type FeedProblem } from './problems';
import { canonicalTranslations } from './languages';
import { checkVersion, firstIssue, invalid } from './parse-common';
import {
  ArticleFile,
  Category,
  Language,
  type ArticleTranslation,
  type Comments,
  type SummaryTranslation,
} from './schema';

export { parseIndexPage, parseIndexPageSliced } from './parse-page';

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
