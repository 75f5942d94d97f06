// Images of an exported feed, copied into it (`--images copy`, the default): the app then loads
// them from the feed's own origin, which it may fetch for offline reading, instead of from
// /wp-content/uploads/, which sends no CORS header unless the site is configured for it.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const IMG = /<img\b[^>]*>/gi;
const SRC = /(\ssrc\s*=\s*)(?:"([^"]*)"|'([^']*)')/i;
// WordPress's other sizes would still point at the site: the copied src stands alone.
const RESPONSIVE = /\s(?:srcset|sizes)\s*=\s*(?:"[^"]*"|'[^']*')/gi;
const PARALLEL = 6;

const decode = (value) => value.replaceAll('&amp;', '&').replaceAll('&#038;', '&');

/** A file name for an image, stable for its address and readable: "a1b2c3d4e5-gas.jpg". */
export function mediaName(url) {
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 10);
  let base = path.posix.basename(new URL(url).pathname);
  try {
    base = decodeURIComponent(base);
  } catch {
    // not percent-encoded
  }
  base = base.toLowerCase();
  const clean = base.replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'image';
  return `${hash}-${clean.slice(-60)}`;
}

function imagesOf(translation) {
  const sources = [...translation.body.matchAll(IMG)]
    .map((tag) => SRC.exec(tag[0]))
    .filter(Boolean)
    .map((match) => decode(match[2] ?? match[3] ?? ''));
  if (translation.image) sources.push(translation.image.src);
  return sources.filter((src) => /^https?:\/\//i.test(src));
}

/**
 * Downloads every http(s) image of the articles into `<out>/media/` and points the articles at
 * the copies (`../media/<name>`, relative to articles/<id>.json). An image that cannot be
 * fetched keeps its address, and is reported.
 * @returns {Promise<{ articles: object[], copied: number, failed: string[] }>}
 */
export async function copyImages(articles, out, options = {}) {
  const get = options.fetch ?? fetch;
  const urls = [
    ...new Set(articles.flatMap((a) => Object.values(a.translations).flatMap(imagesOf))),
  ];
  const copies = new Map();
  const failed = [];
  await mkdir(path.join(out, 'media'), { recursive: true });
  for (let start = 0; start < urls.length; start += PARALLEL) {
    await Promise.all(
      urls.slice(start, start + PARALLEL).map(async (url) => {
        try {
          const response = await get(url, { signal: AbortSignal.timeout(30_000) });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const name = mediaName(url);
          await writeFile(path.join(out, 'media', name), Buffer.from(await response.arrayBuffer()));
          copies.set(url, `../media/${name}`);
        } catch (error) {
          failed.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
  }
  const copyOf = (src) => copies.get(decode(src));
  const rewriteBody = (body) =>
    body.replace(IMG, (tag) => {
      const match = SRC.exec(tag);
      const copy = match && copyOf(match[2] ?? match[3] ?? '');
      if (!copy) return tag;
      return tag.replace(SRC, `$1"${copy}"`).replace(RESPONSIVE, '');
    });
  const rewritten = articles.map((article) => ({
    ...article,
    translations: Object.fromEntries(
      Object.entries(article.translations).map(([code, t]) => [
        code,
        {
          ...t,
          body: rewriteBody(t.body),
          ...(t.image && copyOf(t.image.src)
            ? { image: { ...t.image, src: copyOf(t.image.src) } }
            : {}),
        },
      ]),
    ),
  }));
  return { articles: rewritten, copied: copies.size, failed };
}
