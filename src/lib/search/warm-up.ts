// A fresh worker answered its first queries 2 to 10 times slower than the same queries later:
// the engine's code was still being compiled and optimised. Throwaway queries of every shape,
// run as soon as the index can answer, pay for that while the reader starts to type.
import type { SearchIndex, SearchRequest } from './search-index';
import { terms } from './normalise';

/** Titles whose words make the warm-up queries: 12 queries each. */
const TITLES = 2;

/**
 * Queries of every shape the engine answers (one- to four-letter prefixes, a whole word, two
 * words, a word with a typo, a word and a left-out word, each with and without filters), made
 * from the words of up to `count` indexed titles. (Without the last two, "council -budget" and
 * "política" took a fresh worker 20 to 30 ms at 50,000 articles, against 3 to 6 once compiled.)
 */
export function sampleQueries(index: SearchIndex, count = TITLES): SearchRequest[] {
  const requests: SearchRequest[] = [];
  for (const hit of index.hits(count)) {
    const [first, second] = terms(hit.title).filter((word) => word.length >= 4);
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
  return requests;
}

/**
 * Runs the sample queries one per task, once the index is announced ready: a reader's query
 * waits for one of them at most (a few ms), not for them all (370 ms at 50,000 articles in
 * Chromium, on the way to ready when they ran first).
 */
export async function warmUp(index: SearchIndex, pause: () => Promise<void>): Promise<void> {
  for (const request of sampleQueries(index)) {
    index.search(request);
    await pause();
  }
}
