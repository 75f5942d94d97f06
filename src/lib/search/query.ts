// What a reader types, read the way search boxes have taught them: words are all required,
// "quoted words" must stand side by side, and -word leaves out what contains it.
import { BETWEEN_WORDS, fold, terms, ZWNJ } from './normalise';

export interface ParsedQuery {
  /** Folded terms every result must contain (phrase words included), distinct, in order. */
  required: string[];
  /** Each quoted phrase of two words or more, as its written words folded (ZWNJ joined). */
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
      required.push(...terms(quoted));
      const words = phraseWords(quoted);
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

const joined = (text: string) => fold(text).replaceAll(ZWNJ, '');

/** The written words of `text`, folded, a ZWNJ-joined word as one. */
function phraseWords(text: string): string[] {
  return text.split(BETWEEN_WORDS).flatMap((word) => {
    const folded = joined(word);
    return folded === '' ? [] : [folded];
  });
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new Map<string, RegExp>();

/** The phrase as a pattern over folded text: whole words apart from the last, a word's start. */
function patternOf(phrase: readonly string[]): RegExp {
  const key = phrase.join(' ');
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    if (patterns.size > 50) patterns.clear();
    const words = phrase.map(escape).join('[^\\p{L}\\p{N}]+');
    pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])${words}`, 'u');
    patterns.set(key, pattern);
  }
  return pattern;
}

/**
 * Whether `text` has `phrase`'s words side by side, the last one as the start of a word (as every
 * query term matches, so a phrase still being typed finds its articles). A pattern over the
 * folded text, not a tokenising: bodies are read by the hundred for one query.
 */
export function hasPhrase(text: string, phrase: readonly string[]): boolean {
  return phrase.length > 0 && patternOf(phrase).test(joined(text));
}
