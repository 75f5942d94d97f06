// Highlights as W3C Web Annotations (JSON-LD): a collection other annotation tools read, each
// highlight with its article's address as target, its quote and position as selectors, and the
// reader's note as a textual body.
// https://www.w3.org/TR/annotation-model/
import type { Selectors } from './anchor';

export interface AnnotatedArticle {
  articleId: string;
  /** The article's page on the publisher's site, when the feed gives one. */
  url?: string | undefined;
  highlights: (Selectors & {
    id: string;
    lang: string;
    note: string;
    createdAt: number;
    changedAt: number;
  })[];
}

const iso = (ms: number) => new Date(ms).toISOString();

export function highlightsAnnotations(label: string, articles: readonly AnnotatedArticle[]) {
  const items = articles.flatMap((article) =>
    article.highlights.map((highlight) => ({
      id: `urn:folio:highlight:${encodeURIComponent(highlight.id)}`,
      type: 'Annotation',
      motivation: highlight.note ? 'commenting' : 'highlighting',
      created: iso(highlight.createdAt),
      modified: iso(highlight.changedAt),
      ...(highlight.note && {
        body: { type: 'TextualBody', value: highlight.note, format: 'text/plain' },
      }),
      target: {
        source: {
          id: article.url ?? `urn:folio:article:${encodeURIComponent(article.articleId)}`,
          language: highlight.lang,
        },
        // A quote erased by a takedown leaves only the position, which points at nothing now.
        selector: highlight.quote.exact ? [highlight.quote, highlight.position] : [],
      },
    })),
  );
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
