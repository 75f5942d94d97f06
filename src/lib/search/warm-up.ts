// A fresh worker answered its first queries 2 to 10 times slower than the same queries later:
// the engine's code was still being compiled and optimised. Throwaway queries of every shape,
// run as soon as the index can answer, pay for that before the reader types.
import type { SearchIndex, SearchRequest } from './search-index';
import { terms } from './normalise';

/** Titles whose words make the warm-up queries: 12 queries each. */
const TITLES = 2;

/**
 * Queries of every shape the engine answers (one- to four-letter prefixes, a whole word, two
 * words, each with and without filters), made from the words of up to `count` indexed titles.
 */
export function sampleQueries(index: SearchIndex, count = TITLES): SearchRequest[] {
  const requests: SearchRequest[] = [];
  for (const hit of index.hits(count)) {
    const [first, second] = terms(hit.title).filter((word) => word.length >= 4);
    if (first === undefined) continue;
    const queries = [1, 2, 3, 4].map((length) => first.slice(0, length));
    queries.push(first, second === undefined ? first : `${first} ${second}`);
    const filters = [
      { lang: null, category: null },
      { lang: hit.lang, category: hit.categories[0] ?? null },
    ];
    for (const query of queries) {
      for (const filter of filters) {
        requests.push({ query, ...filter, preferLang: hit.lang, limit: 50 });
      }
    }
  }
  return requests;
}

/**
 * Runs the sample queries at once, before the index is announced ready: a reader's query
 * answered during the warm-up would wait for it anyway, and a few dozen queries take tens of ms.
 */
export function warmUp(index: SearchIndex): void {
  for (const request of sampleQueries(index)) index.search(request);
}
