import { describe, expect, it } from 'vitest';
import { clearMarks, highlightAt, markRange } from '../../../src/lib/annotations/marks';
import { rangeOf, textOf } from '../../../src/lib/annotations/text-map';

function bodyOf(html: string): HTMLElement {
  const body = document.createElement('div');
  body.innerHTML = html;
  return body;
}

/** Marks the first `passage` of the body's text as highlight `id`. */
function mark(body: HTMLElement, passage: string, id = 'h1'): HTMLElement[] {
  const start = textOf(body).indexOf(passage);
  const range = rangeOf(body, start, start + passage.length);
  if (!range) throw new Error(`"${passage}" is not in the body`);
  return markRange(body, range, id);
}

const marked = (body: HTMLElement) =>
  [...body.querySelectorAll('mark')].map((element) => element.textContent).join('|');

describe('highlights drawn in a body', () => {
  it('wraps a passage across inline elements and paragraphs, and adds no text', () => {
    const body = bodyOf('<p>The <em>council</em> met.</p>\n<p>It <a href="#">voted</a> no.</p>');
    const before = textOf(body);
    const marks = mark(body, 'council met.\nIt voted');
    expect(marked(body)).toBe('council| met.|It |voted');
    expect(marks.every((element) => element.dataset.highlight === 'h1')).toBe(true);
    // The newline between the paragraphs stays unmarked, outside any paragraph.
    expect(body.querySelectorAll('p > mark, em > mark, a > mark').length).toBe(4);
    expect(textOf(body)).toBe(before);
    expect(highlightAt(body.querySelector('a mark'))).toBe('h1');
  });

  it('marks right-to-left text as it is, and clears back to the same nodes', () => {
    const html = '<p dir="rtl">شورای راهبردی روابط خارجی <strong>ایران</strong> گفت</p>';
    const body = bodyOf(html);
    mark(body, 'روابط خارجی ایران');
    expect(marked(body)).toBe('روابط خارجی |ایران');
    clearMarks(body);
    expect(body.innerHTML).toBe(html);
    expect(body.querySelector('p')?.childNodes.length).toBe(3);
  });
});
