// One-edit variants of a query term (a letter left out, added, changed, or two swapped), so that
// "withdrawl" finds "withdrawal". Only terms of five letters or more: shorter ones have too many
// neighbours that are other words. (Persian and Latin letters are single UTF-16 units, so
// string positions are letters.)

export const MIN_TYPO_LENGTH = 5;

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
/** Persian letters as folding leaves them (normalise.ts): what a Persian keyboard types. */
const PERSIAN = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';
const ARABIC_SCRIPT = /[\u0600-\u06ff]/;

function alphabetFor(term: string): string {
  const own = [...new Set(term)].join('');
  return (ARABIC_SCRIPT.test(term) ? PERSIAN : LATIN) + own;
}

/** Every distinct string one edit away from `term` (not `term` itself); none when it is short. */
export function oneEditAway(term: string): string[] {
  if (term.length < MIN_TYPO_LENGTH) return [];
  const alphabet = alphabetFor(term);
  const found = new Set<string>();
  for (let at = 0; at <= term.length; at++) {
    const before = term.slice(0, at);
    for (const letter of alphabet) found.add(before + letter + term.slice(at));
    if (at === term.length) continue;
    const rest = term.slice(at + 1);
    found.add(before + rest);
    for (const letter of alphabet) found.add(before + letter + rest);
    if (at + 1 < term.length)
      found.add(before + term.charAt(at + 1) + term.charAt(at) + rest.slice(1));
  }
  found.delete(term);
  return [...found];
}
