// Where a highlight is, in a body's text, the way W3C Web Annotation's selectors say it: the
// quoted passage with a little of the text before and after it (TextQuoteSelector), and its
// offsets (TextPositionSelector). The offsets find it at once while the article is unchanged;
// after an update the quote finds it again, its context choosing among repeats; when the quote
// is gone the highlight is orphaned, and its note is kept.
// (Hand-written rather than Apache Annotator's matchers, which bring a core-js runtime, or
// dom-anchor-text-quote, which brings diff-match-patch for the fuzzy matching this leaves out.)
import type { TextPositionSelector, TextQuoteSelector } from '../db/schema';

/** Characters of context kept on each side of a quote. */
export const CONTEXT = 32;

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** The selectors for `text` from `start` to `end` (offsets in UTF-16 code units). */
export function describe(text: string, start: number, end: number): Selectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** How many characters two strings share at their ends (`fromEnd`) or starts. */
function shared(a: string, b: string, fromEnd: boolean): number {
  let count = 0;
  const most = Math.min(a.length, b.length);
  while (count < most) {
    const x = fromEnd ? a[a.length - 1 - count] : a[count];
    const y = fromEnd ? b[b.length - 1 - count] : b[count];
    if (x !== y) break;
    count++;
  }
  return count;
}

/**
 * Where the selectors' passage is in `text` now: at its offsets if the quote is still there in
 * its context; else the occurrence of the quote whose surroundings best match the saved context,
 * the nearest to the old offsets among equals; null when the quote is nowhere (the passage was
 * removed or rewritten).
 */
export function anchor(text: string, { quote, position }: Selectors): TextPositionSelector | null {
  const { exact, prefix, suffix } = quote;
  if (exact === '') return null;
  const contextAt = (at: number) =>
    shared(text.slice(Math.max(0, at - prefix.length), at), prefix, true) +
    shared(text.slice(at + exact.length, at + exact.length + suffix.length), suffix, false);
  const unchanged = text.slice(position.start, position.end) === exact;
  if (unchanged && contextAt(position.start) === prefix.length + suffix.length) return position;
  let best: { start: number; score: number; distance: number } | null = null;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score = contextAt(at);
    const distance = Math.abs(at - position.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { start: at, score, distance };
    }
  }
  return (
    best && { type: 'TextPositionSelector', start: best.start, end: best.start + exact.length }
  );
}
