import { navigate } from 'svelte-routing';

/** Category ids picked in a list URL: `?c=political,top-news`. */
export function categoriesFromSearch(search: string): string[] {
  const raw = new URLSearchParams(search).get('c') ?? '';
  return [...new Set(raw.split(',').filter((id) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)))];
}

/** Whether a list URL asks for unread articles only: `?unread=1`. */
export function unreadFromSearch(search: string): boolean {
  return new URLSearchParams(search).get('unread') === '1';
}

/** The list address for a set of picked categories (the plain list when none), unread only. */
export function categoryListHref(ids: readonly string[], unread = false): string {
  const query = [ids.length > 0 && `c=${ids.join(',')}`, unread && 'unread=1'].filter(Boolean);
  return query.length === 0 ? '/' : `/?${query.join('&')}`;
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
