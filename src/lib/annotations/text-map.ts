// Between a rendered body and its text. The text is the body's text nodes in document order,
// with a newline wherever one block (paragraph, list item, heading, quote…) ends and another
// starts, and without the whitespace that only separates blocks in the source. So the article's
// body and the side-by-side view (which renders each top-level block on its own) have the same
// text, and a highlight made in one is found in the other; a quote that spans two paragraphs
// reads as two lines. Offsets count UTF-16 code units of it.
//
// A scope is the whole of `root`, or with `part`, only the elements marked `data-part="<part>"`
// in it: the side-by-side view holds two languages' texts in one element.
import { isInline } from '../render/paragraphs';

/** Between two blocks' texts. */
const BLOCK_BREAK = '\n';

/** A text node of the text, and where its characters start in it. */
export interface TextPiece {
  node: Text;
  start: number;
}

/** Whitespace beside a block, or at the start or end of one: source layout, not text. */
function isGap(node: Text): boolean {
  if (node.data.trim() !== '') return false;
  const parent = node.parentElement;
  if (!parent || isInline(parent)) return false;
  const blockOrNone = (sibling: ChildNode | null) => sibling === null || !isInline(sibling);
  return blockOrNone(node.previousSibling) || blockOrNone(node.nextSibling);
}

/** The block a text node flows in: its nearest ancestor that is not inline. */
function blockOf(node: Text, root: Element): Element {
  let element = node.parentElement;
  while (element && element !== root && isInline(element)) element = element.parentElement;
  return element ?? root;
}

function textNodes(within: Element): Text[] {
  const walker = within.ownerDocument.createTreeWalker(within, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The scope's text and the text nodes it is made of. */
export function textPieces(root: Element, part?: string): { text: string; pieces: TextPiece[] } {
  const within =
    part === undefined ? [root] : [...root.querySelectorAll(`[data-part="${CSS.escape(part)}"]`)];
  let text = '';
  let block: Element | null = null;
  const pieces: TextPiece[] = [];
  for (const node of within.flatMap(textNodes)) {
    if (node.data === '' || isGap(node)) continue;
    const flowsIn = blockOf(node, root);
    if (text !== '' && flowsIn !== block) text += BLOCK_BREAK;
    block = flowsIn;
    pieces.push({ node, start: text.length });
    text += node.data;
  }
  return { text, pieces };
}

/** The text offsets select in. */
export function textOf(root: Element, part?: string): string {
  return textPieces(root, part).text;
}

/** Whether `node` is in the scope's element (and in one of its part's blocks, given a part). */
function inScope(root: Element, node: Node, part: string | undefined): boolean {
  if (!root.contains(node)) return false;
  if (part === undefined) return true;
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest('[data-part]')?.getAttribute('data-part') === part;
}

/** The offsets in the scope's text of a range inside it; null when the range is not in it. */
export function offsetsOf(
  root: Element,
  range: Range,
  part?: string,
): { start: number; end: number } | null {
  if (!inScope(root, range.startContainer, part) || !inScope(root, range.endContainer, part)) {
    return null;
  }
  const { text, pieces } = textPieces(root, part);
  const at = (container: Node, offset: number): number => {
    const piece = pieces.find((candidate) => candidate.node === container);
    if (piece) return piece.start + offset;
    // A boundary between nodes is where the first text after it starts.
    const point = root.ownerDocument.createRange();
    point.setStart(container, offset);
    const next = pieces.find((candidate) => point.comparePoint(candidate.node, 0) >= 0);
    return next ? next.start : text.length;
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

/** A range over the scope's text from `start` to `end`; null when they fall outside it. */
export function rangeOf(root: Element, start: number, end: number, part?: string): Range | null {
  if (start >= end) return null;
  const range = root.ownerDocument.createRange();
  let started = false;
  for (const { node, start: at } of textPieces(root, part).pieces) {
    const length = node.data.length;
    // An offset on a block break falls at the start of the next block's text.
    if (!started && start < at + length) {
      range.setStart(node, Math.max(0, start - at));
      started = true;
    }
    if (started && end <= at + length) {
      range.setEnd(node, Math.max(0, end - at));
      return range;
    }
  }
  return null;
}
