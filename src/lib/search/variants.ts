// The words a query term stands for, and how much each counts: the term itself; the stored words
// it begins (every prefix in titles and authors, prefixes of three letters or more in the rest);
// and, for a term of five letters or more that is neither a stored word nor the start of one,
// stored words one typo away. (Typos only then: "cauca", typed on the way to "caucasus", is not
// a misspelt "causa".)
import type { Postings } from './postings';
import type { Variant } from './ranking';
import { oneEditAway } from './typos';

/** Shorter query terms match body words exactly only (a one-letter prefix says little). */
export const MIN_BODY_PREFIX = 3;
/** Body words a query prefix is widened to at most; past that it is too short to say much. */
export const MAX_EXPANSIONS = 64;
/** Title and author words a query prefix is widened to at most. */
export const MAX_HEADING_EXPANSIONS = 256;

/** A word the term begins counts this much of the whole word; one typo away, less again. */
export const PREFIX_FACTOR = 0.6;
export const TYPO_FACTOR = 0.35;

/** The stored words `term` begins, itself first when stored. */
export function expansionsOf(term: string, headings: Postings, bodies: Postings): string[] {
  const { inHeadings, inBodies } = expansionsByIndex(term, headings, bodies);
  return [...new Set([...inHeadings, ...inBodies])];
}

/**
 * The words `term` stands for in each index: in titles and authors every word it begins; in the
 * rest, for three letters or more, the first MAX_EXPANSIONS it begins, else itself only.
 */
function expansionsByIndex(term: string, headings: Postings, bodies: Postings) {
  const inHeadings = headings.expand(term, MAX_HEADING_EXPANSIONS);
  let inBodies: string[];
  if (term.length >= MIN_BODY_PREFIX) inBodies = bodies.expand(term, MAX_EXPANSIONS);
  else inBodies = bodies.has(term) ? [term] : [];
  return { inHeadings, inBodies };
}

export function variantsOf(term: string, headings: Postings, bodies: Postings): Variant[] {
  const { inHeadings, inBodies } = expansionsByIndex(term, headings, bodies);
  // A word is looked up in the rest only when the rest's expansion has it: a one-letter term's
  // 256 title words, each also walked through every body, took 40 ms at 50,000 articles.
  const found = new Map<string, Variant>();
  const add = (word: string, factor: number, inRest: boolean) => {
    const seen = found.get(word);
    if (seen) seen.inBodies ||= inRest;
    else found.set(word, { word, factor: word === term ? 1 : factor, inBodies: inRest });
  };
  for (const word of inBodies) add(word, PREFIX_FACTOR, true);
  for (const word of inHeadings) add(word, PREFIX_FACTOR, false);
  if (found.size > 0 || headings.has(term) || bodies.has(term)) {
    if (!found.has(term)) add(term, 1, true);
    return [...found.values()];
  }
  add(term, 1, true);
  for (const word of oneEditAway(term)) {
    if (!found.has(word) && (headings.has(word) || bodies.has(word))) add(word, TYPO_FACTOR, true);
  }
  return [...found.values()];
}
