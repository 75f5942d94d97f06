// Between a rendered body and its text: offsets count the characters of its text nodes in
// document order (what `textContent` gives), so a passage that crosses a link, emphasis or a
// paragraph end is one span of text, and a DOM Range can be rebuilt from it.

function textNodes(root: Node): Text[] {
  const walker = root.ownerDocument?.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  if (!walker) return nodes;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The text offsets select in. */
export function textOf(root: Node): string {
  return textNodes(root)
    .map((node) => node.data)
    .join('');
}

/** The offsets in `root`'s text of a range inside it; null when the range is not in it. */
export function offsetsOf(root: Node, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const before = (container: Node, offset: number): number => {
    const probe = root.ownerDocument?.createRange();
    if (!probe) return 0;
    probe.selectNodeContents(root);
    probe.setEnd(container, offset);
    return textOf(probe.cloneContents()).length;
  };
  const start = before(range.startContainer, range.startOffset);
  const end = before(range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

/** A range over `root`'s text from `start` to `end`; null when they fall outside it. */
export function rangeOf(root: Node, start: number, end: number): Range | null {
  const range = root.ownerDocument?.createRange();
  if (!range || start >= end) return null;
  let passed = 0;
  let started = false;
  for (const node of textNodes(root)) {
    const length = node.data.length;
    if (!started && start < passed + length) {
      range.setStart(node, start - passed);
      started = true;
    }
    if (started && end <= passed + length) {
      range.setEnd(node, end - passed);
      return range;
    }
    passed += length;
  }
  return null;
}
