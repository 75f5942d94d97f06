// Highlights as Markdown, for notes apps: per article its title (linked to the publisher's
// page), author and date, then each quote as a blockquote with the reader's note under it.

export interface MarkdownArticle {
  title: string;
  author?: string | undefined;
  /** The article's publication date (ISO 8601). */
  published?: string | undefined;
  url?: string | undefined;
  highlights: { quote: string; note: string }[];
}

/** Text Markdown would read as markup, made literal. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

const quoted = (text: string) =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${escapeInline(line)}`.trimEnd())
    .join('\n');

export function highlightsMarkdown(heading: string, articles: readonly MarkdownArticle[]): string {
  const parts = [`# ${escapeInline(heading)}`];
  for (const article of articles) {
    const title = escapeInline(article.title);
    parts.push(`## ${article.url ? `[${title}](<${article.url}>)` : title}`);
    const byline = [article.author, article.published?.slice(0, 10)].filter(Boolean);
    if (byline.length > 0) parts.push(byline.map((part) => escapeInline(part ?? '')).join(' · '));
    for (const highlight of article.highlights) {
      // A quote erased by a takedown leaves the note alone.
      if (highlight.quote.trim()) parts.push(quoted(highlight.quote));
      if (highlight.note.trim()) parts.push(escapeInline(highlight.note.trim()));
    }
  }
  return `${parts.join('\n\n')}\n`;
}
