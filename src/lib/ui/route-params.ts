import { navigate } from 'svelte-routing';

/** Category ids picked in a list URL: `?c=political,top-news`. */
export function categoriesFromSearch(search: string): string[] {
  const raw = new URLSearchParams(search).get('c') ?? '';
  return [...new Set(raw.split(',').filter((id) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)))];
}

/** The list address for a set of picked categories (the plain list when none). */
export function categoryListHref(ids: readonly string[]): string {
  return ids.length === 0 ? '/' : `/?c=${ids.join(',')}`;
}

/** A language carried by a link: `?lang=es`. */
export function languageFromSearch(search: string): string | null {
  return new URLSearchParams(search).get('lang');
}

/**
 * Changes the address of the page the reader is on (a query, filters, a pair of languages). The
 * control in use keeps focus, where svelte-routing would blur it: typing or a keyboard reader
 * goes on from it. The page keeps its scroll unless `toTop`.
 */
export function refineAddress(href: string, { replace = false, toTop = false } = {}): void {
  navigate(href, { replace, preserveScroll: !toTop, blurActiveElement: false });
}
