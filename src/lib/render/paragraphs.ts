// Tags that flow inside a paragraph: a run of them at the top level of a body (loose text, say)
// counts as one block, so that it can still be paired with its counterpart in another language.
const INLINE_TAGS = new Set(
  (
    'a abbr b bdi bdo br cite code del dfn em i img ins kbd mark q s samp small span strong sub ' +
    'sup time u var wbr'
  ).split(' '),
);

/** Whether a node flows inside a paragraph (text, or an inline element). */
export function isInline(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return true;
  return node instanceof Element && INLINE_TAGS.has(node.localName);
}

/**
 * Splits an already sanitised body into its top-level blocks, as HTML strings in reading order:
 * each block element as it is, and each run of loose inline content wrapped in a `<p>`.
 * Whitespace between blocks and comments are dropped. Call it only on `sanitizeBody` output: it
 * does not make HTML safe, it only cuts safe HTML apart.
 */
export function topLevelBlocks(safeHtml: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = safeHtml;
  const blocks: string[] = [];
  let run: Node[] = [];

  const flushRun = () => {
    const paragraph = document.createElement('p');
    paragraph.append(...run);
    run = [];
    // Line breaks or spaces alone between blocks are layout, not a paragraph to pair.
    if (paragraph.textContent?.trim() || paragraph.querySelector('img')) {
      blocks.push(paragraph.outerHTML);
    }
  };

  for (const node of [...template.content.childNodes]) {
    if (isInline(node)) {
      run.push(node);
    } else if (node instanceof Element) {
      flushRun();
      blocks.push(node.outerHTML);
    }
  }
  flushRun();
  return blocks;
}
