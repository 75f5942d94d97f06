import { FeedError } from './problems';
import { canonicalTranslations } from './languages';
import { checkVersion, firstIssue, invalid } from './parse-common';
import { ArticleFile, type Language } from './schema';
import type { ParsedArticle } from './types';

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
  const { version: _version, comments, ...rest } = article;
  return {
    ...rest,
    translations: translations.ok,
    ...(comments && { comments: { ...comments, items: firstOfEachId(comments.items) } }),
  };
}

/**
 * Comment ids are unique within an article; a repeat (a site's export listing a reply twice) is
 * dropped rather than the whole article, and would otherwise show the comment twice.
 */
function firstOfEachId<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
}
