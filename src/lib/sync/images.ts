import { articleImageUrls, type FetchLike } from '../feed';
import type { StoredArticle } from '../db';

/** The service worker answers image requests from this cache (see src/sw.ts). */
export const IMAGE_CACHE = 'folio-images';

function cacheStorage(): CacheStorage | undefined {
  return typeof caches === 'undefined' ? undefined : caches;
}

/** The images of one stored body, resolved against its own address. */
export function bodyImages(article: StoredArticle): string[] {
  return articleImageUrls(article, article.url);
}

export function imagesOf(articles: StoredArticle[]): string[] {
  return [...new Set(articles.flatMap(bodyImages))];
}

/**
 * Saves the images of newly saved articles for offline reading. CORS only: an opaque response
 * costs megabytes of quota each in Chromium, so an image without CORS is left to the network.
 * Images are a bonus to the text: a failure here never fails the sync.
 */
export async function cacheImages(urls: string[], fetch: FetchLike): Promise<number> {
  const storage = cacheStorage();
  if (!storage || urls.length === 0) return 0;
  let cached = 0;
  try {
    const cache = await storage.open(IMAGE_CACHE);
    for (const url of urls) {
      if (await cache.match(url)) continue;
      try {
        const response = await fetch(url, { mode: 'cors', credentials: 'omit' });
        if (!response.ok || response.type === 'opaque') continue;
        await cache.put(url, response);
        cached++;
      } catch {
        // Offline, refused or out of space: the article still reads without its picture.
      }
    }
  } catch (error) {
    console.warn('Images were not cached', error);
  }
  return cached;
}

/** Forgets the cached images of pruned or cleared articles. */
export async function dropImages(urls: string[]): Promise<void> {
  const storage = cacheStorage();
  if (!storage || urls.length === 0) return;
  try {
    const cache = await storage.open(IMAGE_CACHE);
    await Promise.all(urls.map((url) => cache.delete(url)));
  } catch (error) {
    console.warn('Cached images were not removed', error);
  }
}
