/** Resolves `href` against the URL a file was finally fetched from, as the spec requires. */
export function resolveUrl(href: string, base: string): string {
  return new URL(href, base).href;
}

/** The directory a feed's index lives in; files under it are named relative to it. */
export function feedRootOf(feedUrl: string): string {
  return new URL('.', feedUrl).href;
}

/** A file's name for messages: `articles/x.json` when under the feed root, else the full URL. */
export function fileLabel(url: string, feedRoot: string): string {
  const clean = url.split(/[?#]/)[0] ?? url;
  return clean.startsWith(feedRoot) ? decodeURIComponent(clean.slice(feedRoot.length)) : clean;
}
