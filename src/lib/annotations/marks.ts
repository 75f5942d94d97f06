// Highlights shown in a rendered body: each passage's text nodes wrapped in <mark> elements
// (split where the passage starts and ends), which screen readers announce as highlighted and
// every engine draws. Marks add no text, so the body's text offsets stay as they were.

import { textPieces } from './text-map';

const MARK = 'mark[data-highlight]';

/** Wraps the text of `range` (inside the scope `root`, `part`) in marks for highlight `id`. */
export function markRange(root: Element, range: Range, id: string, part?: string): HTMLElement[] {
  const doc = root.ownerDocument;
  // Only the scope's text: in the side-by-side view a range can run across the other language.
  const inRange = textPieces(root, part)
    .pieces.map((piece) => piece.node)
    .filter((node) => range.intersectsNode(node));
  const marks: HTMLElement[] = [];
  for (let node of inRange) {
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (end <= start) continue;
    if (end < node.data.length) node.splitText(end);
    if (start > 0) node = node.splitText(start);
    const mark = doc.createElement('mark');
    mark.className = 'highlight';
    mark.dataset.highlight = id;
    node.replaceWith(mark);
    mark.append(node);
    marks.push(mark);
  }
  return marks;
}

/** Takes every mark out of `root`, leaving its text as it was. */
export function clearMarks(root: ParentNode): void {
  const parents = new Set<Node>();
  for (const mark of root.querySelectorAll(MARK)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}

/** The highlight a click or key landed in, if any. */
export function highlightAt(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  return target.closest<HTMLElement>(MARK)?.dataset.highlight ?? null;
}
