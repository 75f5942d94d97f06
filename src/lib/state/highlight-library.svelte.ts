import { highlightsMarkdown } from '../annotations/markdown';
import { highlightsAnnotations } from '../annotations/web-annotation';
import { allHighlights, getArticle, getDb, getSummary, type Highlight } from '../db';
import { downloadText } from '../ui/download';
import { locale } from './locale.svelte';

/** An article's highlights on the Highlights page, under its title in their language. */
export interface HighlightGroup {
  articleId: string;
  title: string;
  author?: string | undefined;
  /** The article's publication date, and its page on the publisher's site. */
  published?: string | undefined;
  url?: string | undefined;
  lang: string;
  highlights: Highlight[];
  /** The newest highlight's time: the page lists the most recently highlighted first. */
  latest: number;
}

export type HighlightLibraryPhase = 'loading' | 'ready' | 'failed';

/** Lowercase, without accents or Arabic diacritics: what the page's filter compares. */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .toLowerCase();
}

/** Every highlight the reader made, by article; read again whenever the page opens. */
class HighlightLibrary {
  #groups = $state.raw<HighlightGroup[]>([]);
  #phase = $state<HighlightLibraryPhase>('loading');

  get groups(): HighlightGroup[] {
    return this.#groups;
  }

  get phase(): HighlightLibraryPhase {
    return this.#phase;
  }

  async load(): Promise<void> {
    try {
      const db = await getDb();
      const all = await allHighlights(db);
      const articleIds = [...new Set(all.map((highlight) => highlight.articleId))];
      const groups = await Promise.all(
        articleIds.map(async (articleId): Promise<HighlightGroup> => {
          const highlights = all.filter((highlight) => highlight.articleId === articleId);
          const lang = highlights[0]?.lang ?? locale.lang;
          // A withdrawn article has no summary any more; its saved copy still has its title.
          const source = (await getSummary(db, articleId)) ?? (await getArticle(db, articleId));
          const text =
            source?.translations[lang] ?? (source && locale.pick(source.translations)?.value);
          const latest = Math.max(...highlights.map((highlight) => highlight.createdAt));
          return {
            articleId,
            title: text?.title ?? articleId,
            author: text?.author?.name,
            published: source?.published,
            url: text?.url,
            lang,
            highlights,
            latest,
          };
        }),
      );
      this.#groups = groups.sort((a, b) => b.latest - a.latest);
      this.#phase = 'ready';
    } catch (error) {
      console.error('Could not read the highlights', error);
      this.#phase = 'failed';
    }
  }

  /** Downloads every highlight as Markdown (`folio-highlights.md`). */
  exportMarkdown(heading: string): void {
    const articles = this.#groups.map((group) => ({
      ...group,
      highlights: group.highlights.map((highlight) => ({
        quote: highlight.quote.exact,
        note: highlight.note,
      })),
    }));
    downloadText('folio-highlights.md', 'text/markdown', highlightsMarkdown(heading, articles));
  }

  /** Downloads every highlight as W3C Web Annotations (`folio-highlights.jsonld`). */
  exportAnnotations(label: string): void {
    const collection = highlightsAnnotations(label, this.#groups);
    downloadText(
      'folio-highlights.jsonld',
      'application/ld+json',
      `${JSON.stringify(collection, null, 2)}\n`,
    );
  }

  /** The groups with only the highlights whose quote, note or article title has `query`. */
  filtered(query: string): HighlightGroup[] {
    const words = folded(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return this.#groups;
    const has = (text: string) => {
      const haystack = folded(text);
      return words.every((word) => haystack.includes(word));
    };
    return this.#groups
      .map((group) => ({
        ...group,
        highlights: group.highlights.filter((highlight) =>
          has(`${group.title} ${highlight.quote.exact} ${highlight.note}`),
        ),
      }))
      .filter((group) => group.highlights.length > 0);
  }
}

export const highlightLibrary = new HighlightLibrary();
