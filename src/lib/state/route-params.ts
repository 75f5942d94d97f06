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
