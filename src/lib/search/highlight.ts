// Marking what matched, as plain text parts for the page to render as text nodes and <mark>s:
// article text never becomes HTML here.
import { BETWEEN_WORDS, wordTerms } from './normalise';
import { parseQuery } from './query';
import { oneEditAway } from './typos';

export interface TextPart {
  text: string;
  match: boolean;
}

/** The folded terms a query asks for (not those it leaves out), each matched as a word prefix. */
export function queryTerms(query: string): string[] {
  return parseQuery(query).required;
}

/** Per query term, the words one typo away (typos.ts), which the search also finds. */
const typoCache = new Map<string, ReadonlySet<string>>();

function typosOf(term: string): ReadonlySet<string> {
  let found = typoCache.get(term);
  if (found === undefined) {
    if (typoCache.size > 100) typoCache.clear();
    found = new Set(oneEditAway(term));
    typoCache.set(term, found);
  }
  return found;
}

function isMatch(word: string, wanted: readonly string[]): boolean {
  return wordTerms(word).some((term) =>
    wanted.some((query) => term.startsWith(query) || typosOf(query).has(term)),
  );
}

const SEPARATORS = new RegExp(`(${BETWEEN_WORDS.source})`, 'u');

/**
 * `text` in parts, each word that starts with a query term or is one typo from it (after folding)
 * marked whole.
 */
export function highlight(text: string, wanted: readonly string[]): TextPart[] {
  const parts: TextPart[] = [];
  let plain = '';
  // With a capturing group, split keeps separators at odd indexes and words at even ones.
  text.split(SEPARATORS).forEach((piece, index) => {
    if (index % 2 === 0 && piece !== '' && wanted.length > 0 && isMatch(piece, wanted)) {
      if (plain !== '') parts.push({ text: plain, match: false });
      parts.push({ text: piece, match: true });
      plain = '';
    } else {
      plain += piece;
    }
  });
  if (plain !== '') parts.push({ text: plain, match: false });
  return parts;
}

/**
 * About `size` characters of `text` around its first match (the start when nothing matches),
 * cut at spaces and marked with ellipses where it was cut.
 */
export function snippet(text: string, wanted: readonly string[], size = 160): string {
  if (text.length <= size) return text;
  let first = -1;
  let offset = 0;
  text.split(SEPARATORS).forEach((piece, index) => {
    if (first === -1 && index % 2 === 0 && piece !== '' && isMatch(piece, wanted)) first = offset;
    offset += piece.length;
  });
  let start = first <= size / 3 ? 0 : first - Math.floor(size / 3);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + size);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
