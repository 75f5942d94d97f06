import type { FeedProblem } from './problems';
import type {
  ArticleTranslation,
  Category,
  Comments,
  Language,
  SummaryTranslation,
} from './schema';

// What the parsers return: the feed's JSON, checked and normalised.

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
