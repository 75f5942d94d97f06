/**
 * The feed's index.json: `content/index.json` under the app's base, unless VITE_FEED_URL was set
 * at build time. Resolved against the page or worker location, so both agree.
 */
export function feedUrl(location: string = globalThis.location.href): string {
  const base = new URL(import.meta.env.BASE_URL, location);
  return new URL(import.meta.env.VITE_FEED_URL || 'content/index.json', base).href;
}

/** WordPress's comments endpoint (VITE_COMMENTS_URL at build time), or null: no comment form. */
export function commentsUrl(): string | null {
  return import.meta.env.VITE_COMMENTS_URL || null;
}
