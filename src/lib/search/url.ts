// The search page's address: `/search?q=politica&c=europe&in=es`. The language filter is `in`,
// because `lang` in any link switches the reader's language (RouteEffects).
export interface SearchParams {
  q: string;
  category: string | null;
  lang: string | null;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANGUAGE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

export function searchParamsFrom(search: string): SearchParams {
  const params = new URLSearchParams(search);
  const category = params.get('c');
  const lang = params.get('in');
  return {
    q: params.get('q') ?? '',
    category: category !== null && ID.test(category) ? category : null,
    lang: lang !== null && LANGUAGE.test(lang) ? lang : null,
  };
}

export function searchHref({ q, category, lang }: SearchParams): string {
  const params = new URLSearchParams();
  if (q !== '') params.set('q', q);
  if (category !== null) params.set('c', category);
  if (lang !== null) params.set('in', lang);
  const query = params.toString();
  return query === '' ? '/search' : `/search?${query}`;
}

/** An article link for a result: with `?lang=` when the match is not in the reader's language. */
export function resultHref(articleId: string, matchLang: string, readerLang: string): string {
  const path = `/article/${encodeURIComponent(articleId)}`;
  return matchLang.toLowerCase() === readerLang.toLowerCase()
    ? path
    : `${path}?lang=${encodeURIComponent(matchLang)}`;
}
