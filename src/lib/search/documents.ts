// What is indexed for an article: one document per translation, from its summary and, when
// its body is saved, the full text. A body saved without a summary (a withdrawn bookmark) is
// indexed from the article alone.
import type { StoredArticle, StoredSummary } from '../db';
import { collapseSpace, htmlToText } from './html-text';
import { shortExcerpt, type SearchDocument } from './search-index';

export function documentsFor(
  summary: StoredSummary | undefined,
  article: StoredArticle | undefined,
): SearchDocument[] {
  const source = summary ?? article;
  if (!source) return [];
  const languages = new Set([
    ...Object.keys(summary?.translations ?? {}),
    ...Object.keys(article?.translations ?? {}),
  ]);
  return [...languages].flatMap((lang) => {
    const fromSummary = summary?.translations[lang];
    const fromArticle = article?.translations[lang];
    const title = fromArticle?.title ?? fromSummary?.title;
    if (title === undefined) return [];
    const author = fromArticle?.author ?? fromSummary?.author;
    const kind = fromArticle?.kind ?? fromSummary?.kind;
    const lead = fromArticle?.lead;
    const excerpt = fromSummary?.excerpt;
    const body = fromArticle ? htmlToText(fromArticle.body) : '';
    const shown = excerpt ?? lead ?? shortExcerpt(collapseSpace(body.slice(0, 600)));
    return [
      {
        articleId: source.id,
        lang,
        categories: source.categories,
        published: source.published,
        title,
        excerpt: collapseSpace(shown),
        author: author?.name ?? '',
        summary: [lead, excerpt].filter((part) => part !== undefined && part !== '').join('\n'),
        body: [kind, author?.role, body]
          .filter((part) => part !== undefined && part !== '')
          .join('\n'),
      },
    ];
  });
}
