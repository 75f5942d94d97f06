// Folding applied identically to indexed text and to queries, so that what a reader types on any
// keyboard meets what the publisher wrote: case, accents, Arabic-script letter variants, digits.

const COMBINING_MARKS = /\p{M}/gu;
const TATWEEL = /\u0640/g;
/** Zero-width non-joiner: Persian writes "می‌گیرد" with it, readers often type "میگیرد" or "می گیرد". */
export const ZWNJ = '\u200c';
const INVISIBLE_JOINERS = /[\u200d\u200e\u200f\u2060\ufeff]/g;

/** Arabic-script letters folded to the form a Persian keyboard types. */
const LETTERS: Record<string, string> = {
  '\u064a': '\u06cc', // ي Arabic yeh → ی Farsi yeh
  '\u0649': '\u06cc', // ى alef maksura → ی
  '\u0626': '\u06cc', // ئ yeh with hamza → ی
  '\u0643': '\u06a9', // ك Arabic kaf → ک keheh
  '\u0629': '\u0647', // ة teh marbuta → ه
  '\u06c0': '\u0647', // ۀ heh with yeh → ه
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ alef wasla → ا
  '\u0624': '\u0648', // ؤ → و
};
const LETTER_PATTERN = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** Arabic-Indic (٠–٩) and Extended Arabic-Indic, i.e. Persian (۰–۹), digits → ASCII. */
const DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

function asciiDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  return String((code >= 0x06f0 ? code - 0x06f0 : code - 0x0660) % 10);
}

/**
 * Lower-cases and strips what readers do not type: combining marks after NFD (accents, Arabic
 * harakat such as fatha or shadda, the hamza above composed letters), tatweel, invisible
 * joiners other than ZWNJ (kept so tokenising can treat it specially). Letter variants and
 * digits are mapped before decomposing, because NFD would split آ/أ/إ/ؤ/ئ into base + mark.
 */
export function fold(text: string): string {
  return text
    .replace(LETTER_PATTERN, (letter) => LETTERS[letter] ?? letter)
    .replace(DIGITS, asciiDigit)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(TATWEEL, '')
    .replace(INVISIBLE_JOINERS, '')
    .toLowerCase()
    .normalize('NFC');
}

// A word as written: letters, digits, and the marks and joiners that folding removes or splits on.
// (ZWJ, which joins emoji rather than words, separates.)
export const BETWEEN_WORDS = /[^\p{L}\p{N}\p{M}\u0640\u200c\u2060\ufeff]+/u;

/** Folded terms of one written word; most words recur, so they are folded once and remembered. */
const wordCache = new Map<string, readonly string[]>();
const WORD_CACHE_LIMIT = 50_000;

export function wordTerms(word: string): readonly string[] {
  const cached = wordCache.get(word);
  if (cached) return cached;
  const folded = fold(word);
  let found: string[];
  if (!folded.includes(ZWNJ)) {
    found = folded.length > 0 ? [folded] : [];
  } else {
    const parts = folded.split(ZWNJ).filter((part) => part.length > 0);
    found = parts.length > 1 ? [parts.join(''), ...parts] : parts;
  }
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(word, found);
  return found;
}

/**
 * The search terms of a text, folded. A word joined by ZWNJ yields both its joined form and its
 * parts ("می‌گیرد" → "میگیرد", "می", "گیرد"), so a query typed with the ZWNJ, without it, or with a
 * space finds it. Applied to documents and queries alike: every term a query yields is present
 * in the document it was typed from.
 */
export function terms(text: string): string[] {
  const found: string[] = [];
  for (const word of text.split(BETWEEN_WORDS)) {
    if (word === '') continue;
    const folded = wordTerms(word);
    for (let i = 0; i < folded.length; i++) found.push(folded[i] as string);
  }
  return found;
}
