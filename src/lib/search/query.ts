// What a reader types, read the way search boxes have taught them: words are all required,
// "quoted words" must stand side by side, and -word leaves out what contains it.
import { terms } from './normalise';

export interface ParsedQuery {
  /** Folded terms every result must contain (phrase words included), distinct, in order. */
  required: string[];
  /** Each quoted phrase as its folded terms, when it has two or more. */
  phrases: string[][];
  /** Folded terms no result may contain. */
  excluded: string[];
}

/** A quoted run (the closing quote may not be typed yet), or one space-separated token. */
const TOKENS = /"([^"]*)"?|(\S+)/g;

export function parseQuery(query: string): ParsedQuery {
  const required: string[] = [];
  const phrases: string[][] = [];
  const excluded: string[] = [];
  for (const [, quoted, token] of query.normalize('NFC').matchAll(TOKENS)) {
    if (quoted !== undefined) {
      const words = terms(quoted);
      required.push(...words);
      if (words.length > 1) phrases.push(words);
    } else if (token !== undefined && token.length > 1 && token.startsWith('-')) {
      excluded.push(...terms(token.slice(1)));
    } else if (token !== undefined) {
      required.push(...terms(token));
    }
  }
  const leftOut = new Set(excluded);
  return {
    required: [...new Set(required)].filter((term) => !leftOut.has(term)),
    phrases,
    excluded: [...leftOut],
  };
}

/**
 * Whether `text`, folded into terms, has `phrase`'s terms side by side, the last one as the start
 * of a word (as every query term matches, so a phrase still being typed finds its articles).
 */
export function hasPhrase(text: string, phrase: readonly string[]): boolean {
  const words = terms(text);
  const first = phrase[0];
  const last = phrase.length - 1;
  for (let at = words.indexOf(first ?? ''); at !== -1; at = words.indexOf(first ?? '', at + 1)) {
    const matches = (term: string, offset: number) => {
      const word = words[at + offset] ?? '';
      return offset === last ? word.startsWith(term) : word === term;
    };
    if (phrase.every(matches)) return true;
  }
  return false;
}
