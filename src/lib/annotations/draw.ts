// Highlights on the page: a translation's text may be shown more than once (the side-by-side
// view has columns for wide screens and paragraph pairs for narrow ones, both in the page), and
// each highlight is drawn wherever its translation's text is.
import { anchor, type Selectors } from './anchor';
import { clearMarks, markRange } from './marks';
import { offsetsOf, rangeOf, textOf } from './text-map';

/** A translation's text on the page: the whole of `root`, or its blocks marked `part`. */
export interface ShownText {
  root: HTMLElement;
  lang: string;
  part?: string | undefined;
}

type Drawable = Selectors & { id: string; lang: string };

const MARKS = 'mark[data-highlight]';

/** Draws `highlights` on `texts` again; returns those found in none of their texts (orphans). */
export function drawHighlights<H extends Drawable>(
  texts: readonly ShownText[],
  highlights: H[],
): H[] {
  const found = new Set<string>();
  for (const root of new Set(texts.map((shown) => shown.root))) clearMarks(root);
  for (const { root, lang, part } of texts) {
    // Marks add no text: one reading of the text serves every highlight.
    const text = textOf(root, part);
    for (const highlight of highlights) {
      if (highlight.lang !== lang) continue;
      const at = anchor(text, highlight);
      const range = at && rangeOf(root, at.start, at.end, part);
      if (!range) continue;
      markRange(root, range, highlight.id, part);
      found.add(highlight.id);
    }
  }
  return highlights.filter((highlight) => !found.has(highlight.id));
}

/**
 * Draws highlights only when something changed: the highlights' places, a text, or the marks
 * (gone with a text rendered again). A redraw takes the marks out and puts them back, which
 * would end the reader's selection (the passage a "show" just selected, say).
 */
export class HighlightPainter<H extends Drawable> {
  #drawn = '';
  #marks = -1;
  #orphans: H[] = [];

  /** Draws `highlights` on `texts` if needed; returns those found in none of their texts. */
  paint(texts: readonly ShownText[], highlights: H[]): H[] {
    const roots = [...new Set(texts.map((shown) => shown.root))];
    const drawing = JSON.stringify([
      texts.map(({ lang, part, root }) => [roots.indexOf(root), lang, part, textOf(root, part)]),
      highlights.map(({ id, lang, quote, position }) => [id, lang, quote, position]),
    ]);
    const marks = () =>
      roots.reduce((count, root) => count + root.querySelectorAll(MARKS).length, 0);
    if (drawing === this.#drawn && marks() === this.#marks) return this.#orphans;
    this.#orphans = drawHighlights(texts, highlights);
    this.#drawn = drawing;
    this.#marks = marks();
    return this.#orphans;
  }
}

/** The text `range` is in, with its offsets there; null when it is in none of them. */
export function textAt(
  texts: readonly ShownText[],
  range: Range,
): { shown: ShownText; text: string; start: number; end: number } | null {
  for (const shown of texts) {
    const offsets = offsetsOf(shown.root, range, shown.part);
    if (offsets) return { shown, text: textOf(shown.root, shown.part), ...offsets };
  }
  return null;
}

/** The first paragraph (or list item, quote, heading) of the texts whose top is on screen. */
export function paragraphOnScreen(texts: readonly ShownText[]): Range | null {
  for (const { root, part } of texts) {
    const within = part === undefined ? '' : `[data-part="${CSS.escape(part)}"] `;
    const blocks = root.querySelectorAll(
      ['p', 'li', 'blockquote', 'h2', 'h3', 'h4'].map((tag) => within + tag).join(),
    );
    for (const block of blocks) {
      const { top, bottom } = block.getBoundingClientRect();
      // A few pixels above the edge still count: a paragraph scrolled to the top sits there.
      if (bottom > 0 && top >= -8 && (block.textContent ?? '').trim() !== '') {
        const range = root.ownerDocument.createRange();
        range.selectNodeContents(block);
        return range;
      }
    }
  }
  return null;
}

/**
 * The marks of highlight `id` the reader can see. Those in a closed disclosure (a paragraph's
 * counterpart in the narrow side-by-side view) are shown by pressing the button controlling it.
 */
export function visibleMarks(texts: readonly ShownText[], id: string): HTMLElement[] {
  const all = [...new Set(texts.map((shown) => shown.root))].flatMap((root) => [
    ...root.querySelectorAll<HTMLElement>(`mark[data-highlight="${CSS.escape(id)}"]`),
  ]);
  return all.filter((mark) => mark.getClientRects().length > 0);
}

/** Opens the closed disclosure holding one of highlight `id`'s marks; false when there is none. */
export function openDisclosureOf(texts: readonly ShownText[], id: string): boolean {
  for (const root of new Set(texts.map((shown) => shown.root))) {
    const closed = root
      .querySelector(`mark[data-highlight="${CSS.escape(id)}"]`)
      ?.closest<HTMLElement>('[hidden][id]');
    const control =
      closed && root.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(closed.id)}"]`);
    if (control) {
      control.click();
      return true;
    }
  }
  return false;
}
