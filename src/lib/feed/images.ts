import type { ParsedArticle } from './types';

// Workers have no DOM to parse the body with; src attributes are regular enough for a pattern.
const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/** The `src` of every `<img>` in an HTML fragment, as written (entities decoded). */
export function imageSources(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(IMG_SRC)) {
    const raw = match[1] ?? match[2] ?? match[3] ?? '';
    const src = raw.replace(/&amp;|&quot;|&#39;/g, (entity) => ENTITIES[entity] ?? entity).trim();
    if (src) found.push(src);
  }
  return found;
}

/** Absolute http(s) addresses of an article's lead and body images, resolved against `base`. */
export function articleImageUrls(
  article: Pick<ParsedArticle, 'translations'>,
  base: string,
): string[] {
  const urls = new Set<string>();
  for (const translation of Object.values(article.translations)) {
    if (!translation) continue;
    const sources = imageSources(translation.body);
    if (translation.image) sources.push(translation.image.src);
    for (const src of sources) {
      try {
        const url = new URL(src, base);
        if (url.protocol === 'http:' || url.protocol === 'https:') urls.add(url.href);
      } catch {
        // not an address: nothing to cache
      }
    }
  }
  return [...urls];
}
