// A fresh worker answered its first queries 2 to 10 times slower than the same queries later:
// the engine's code was still being compiled and optimised, and the first accented word loaded
// Unicode normalisation's data. Throwaway queries of every shape, run before the index is
// announced ready, pay for that instead of the reader's first queries.
import type { SearchIndex, SearchRequest } from './search-index';
import { BETWEEN_WORDS } from './normalise';

/** Titles whose words make the warm-up queries: 12 queries each. */
const TITLES = 2;

/**
 * Words in each script folding treats apart (accented Latin, Persian with a ZWNJ), whatever
 * languages the feed has: "política" took a fresh worker 18 to 21 ms at 50,000 articles when
 * no accented word had been folded yet, against 4 to 6 ms for "politica".
 */
export const SCRIPTS_QUERY = 'Económica می‌گیرد';

/**
 * Queries of every shape the engine answers (one- to four-letter prefixes, a whole word, two
 * words, a word with a typo, a word and a left-out word, each with and without filters), made
 * from the written words of up to `count` indexed titles, and one in every script. (Without the
 * last two shapes, "council -budget" and "política" took a fresh worker 20 to 30 ms at 50,000
 * articles, against 3 to 6 once compiled.)
 */
export function sampleQueries(index: SearchIndex, count = TITLES): SearchRequest[] {
  const requests: SearchRequest[] = [];
  for (const hit of index.hits(count)) {
    const words = hit.title.split(BETWEEN_WORDS).filter((word) => word.length >= 4);
    const [first, second] = words.map((word) => word.toLowerCase());
    if (first === undefined) continue;
    const queries = [1, 2, 3, 4].map((length) => first.slice(0, length));
    queries.push(first, second === undefined ? first : `${first} ${second}`);
    // One letter dropped: matched by typo tolerance only, from five letters on.
    if (first.length >= 5) queries.push(`${first.slice(0, 2)}${first.slice(3)}`);
    if (second !== undefined) queries.push(`${first} -${second}`);
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
  if (requests.length === 0) return requests;
  const { preferLang } = requests[0] as SearchRequest;
  return [...requests, { query: SCRIPTS_QUERY, lang: null, category: null, preferLang, limit: 50 }];
}

/**
 * Runs the sample queries at once, before the index is announced ready. Spread over later tasks,
 * they made the reader's first query wait behind one of them still being compiled: "council"
 * took 35 to 77 ms at 50,000 articles, against 10 ms in the worker with the warm-up done first.
 */
export function warmUp(index: SearchIndex): void {
  for (const request of sampleQueries(index)) index.search(request);
}
