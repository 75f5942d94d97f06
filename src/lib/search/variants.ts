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
  const words = new Set(headings.expand(term, MAX_HEADING_EXPANSIONS));
  if (term.length >= MIN_BODY_PREFIX) {
    for (const word of bodies.expand(term, MAX_EXPANSIONS)) words.add(word);
  } else if (bodies.has(term)) {
    words.add(term);
  }
  return [...words];
}

export function variantsOf(term: string, headings: Postings, bodies: Postings): Variant[] {
  const factors = new Map<string, number>([[term, 1]]);
  const expansions = expansionsOf(term, headings, bodies);
  for (const word of expansions) {
    if (!factors.has(word)) factors.set(word, PREFIX_FACTOR);
  }
  if (expansions.length > 0 || headings.has(term) || bodies.has(term)) return toVariants(factors);
  for (const word of oneEditAway(term)) {
    if (!factors.has(word) && (headings.has(word) || bodies.has(word))) {
      factors.set(word, TYPO_FACTOR);
    }
  }
  return toVariants(factors);
}

function toVariants(factors: Map<string, number>): Variant[] {
  return [...factors].map(([word, factor]) => ({ word, factor }));
}
