import { sameLanguage } from '../feed/languages';

/** The two languages read side by side: `a` leads (title, narrow-screen text), `b` answers. */
export interface LanguagePair {
  a: string;
  b: string;
}

/** One language's text, cut into the blocks that are paired across languages. */
export interface ParallelSide {
  lang: string;
  dir: 'ltr' | 'rtl';
  name: string;
  blocks: string[];
  /** The first block is the article's lead, not a paragraph of its body. */
  leadFirst: boolean;
}

/**
 * An article's languages in the feed's order, so both pickers list them as the language
 * switcher does; codes the feed no longer declares come last, as the article has them.
 */
export function orderedLanguages(
  available: readonly string[],
  feedLanguages: readonly { code: string }[],
): string[] {
  const declared = feedLanguages
    .map((language) => available.find((code) => sameLanguage(code, language.code)))
    .filter((code) => code !== undefined);
  return [...declared, ...available.filter((code) => !declared.includes(code))];
}

/**
 * The pair to show, from `?a=…&b=…` when the article has those languages. Otherwise `a` is the
 * language the article page would show (`preferred`) and `b` the first other one. Null when the
 * article has fewer than two languages.
 */
export function choosePair(
  languages: readonly string[],
  search: string,
  preferred: string | undefined,
): LanguagePair | null {
  const params = new URLSearchParams(search);
  const find = (code: string | null | undefined) =>
    code ? languages.find((candidate) => sameLanguage(candidate, code)) : undefined;
  const a = find(params.get('a')) ?? find(preferred) ?? languages[0];
  if (a === undefined) return null;
  const requested = find(params.get('b'));
  const b = requested !== a && requested ? requested : languages.find((code) => code !== a);
  return b === undefined ? null : { a, b };
}

/** The pair after the reader picks `code` for one side; picking the other side's swaps them. */
export function repick(pair: LanguagePair, side: keyof LanguagePair, code: string): LanguagePair {
  const other = side === 'a' ? pair.b : pair.a;
  if (code === other) return { a: pair.b, b: pair.a };
  return side === 'a' ? { a: code, b: pair.b } : { a: pair.a, b: code };
}

export function parallelHref(id: string, pair?: LanguagePair): string {
  const path = `/article/${encodeURIComponent(id)}/parallel`;
  if (!pair) return path;
  const search = new URLSearchParams({ a: pair.a, b: pair.b });
  return `${path}?${search.toString()}`;
}

/**
 * Wraps text in a bidi isolate (FSI … PDI), for a language name set inside a sentence in another
 * script: without it, an RTL name followed by "(2)" pulls the count to its other side.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
