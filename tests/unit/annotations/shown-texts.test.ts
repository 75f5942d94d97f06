import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../../src/lib/annotations/anchor';
import { drawHighlights, HighlightPainter, textAt } from '../../../src/lib/annotations/draw';
import { markRange } from '../../../src/lib/annotations/marks';
import { offsetsOf, rangeOf, textOf } from '../../../src/lib/annotations/text-map';
import { topLevelBlocks } from '../../../src/lib/render/paragraphs';

const BODY =
  '\n<p>The <em>council</em> met.</p>\n\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>' +
  '  Loose <b>text</b> here\n<p>Withdrawal was next.</p>\n';
const PERSIAN =
  '<p>شورا <strong>تشکیل</strong> شد.</p><ul><li>یک</li><li>دو</li></ul><p>بعد خروج.</p>';

function attach(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

/** The side-by-side columns: each language's blocks, wrapped one by one, under a heading. */
function columns(): HTMLElement {
  const column = (lang: string, body: string) =>
    `<section lang="${lang}"><h2>${lang}</h2>` +
    topLevelBlocks(body)
      .map((block) => `<div data-part="${lang}"> ${block} </div>`)
      .join('') +
    '</section>';
  return attach(column('en', BODY) + column('fa', PERSIAN));
}

/** The narrow view: each English block, a button, then its Persian counterpart. */
function pairs(): HTMLElement {
  const en = topLevelBlocks(BODY);
  const fa = topLevelBlocks(PERSIAN);
  return attach(
    en
      .map(
        (block, index) =>
          `<div data-part="en">${block}</div><button>Persian</button>` +
          `<div data-part="fa" hidden>${fa[index] ?? ''}</div>`,
      )
      .join(''),
  );
}

const marked = (root: Element) =>
  [...root.querySelectorAll('mark')].map((mark) => mark.textContent).join('|');

suite('a translation shown whole, in columns and in pairs', () => {
  it('has the same text in the article body as in either side-by-side layout', () => {
    const article = attach(BODY);
    // Blocks (list items too) apart by one newline, whatever whitespace the source had.
    const expected = 'The council met.\nOne\nTwo\n  Loose text here\n\nWithdrawal was next.';
    expect(textOf(article)).toBe(expected);
    expect(textOf(columns(), 'en')).toBe(expected);
    expect(textOf(pairs(), 'en')).toBe(expected);
    expect(textOf(pairs(), 'fa')).toBe('شورا تشکیل شد.\nیک\nدو\nبعد خروج.');
  });

  it('draws a highlight made in the article in each layout, and only in its language', () => {
    const article = attach(BODY);
    const text = textOf(article);
    const start = text.indexOf('met.');
    const made = {
      id: 'h1',
      lang: 'en',
      ...describe(text, start, text.indexOf('Two') + 3),
    };
    const shownColumns = columns();
    const shownPairs = pairs();
    const orphans = drawHighlights(
      [
        { root: shownColumns, lang: 'en', part: 'en' },
        { root: shownColumns, lang: 'fa', part: 'fa' },
        { root: shownPairs, lang: 'en', part: 'en' },
        { root: shownPairs, lang: 'fa', part: 'fa' },
      ],
      [made, { id: 'gone', lang: 'en', ...describe('Nowhere now.', 0, 7) }],
    );
    expect(orphans.map((highlight) => highlight.id)).toEqual(['gone']);
    expect(marked(shownColumns)).toBe('met.|One|Two');
    // Across two paragraphs in the pairs, and not over the button and counterpart between.
    expect(marked(shownPairs)).toBe('met.|One|Two');
    expect(shownPairs.querySelector('button mark, [data-part="fa"] mark')).toBeNull();
    expect(shownColumns.querySelector('h2 mark, section[lang="fa"] mark')).toBeNull();
  });

  it('finds a selection in the text of the language it was made in, right to left too', () => {
    const root = pairs();
    const persian = root.querySelectorAll<HTMLElement>('[data-part="fa"] strong')[0];
    const range = document.createRange();
    range.selectNodeContents(persian as HTMLElement);
    const texts = [
      { root, lang: 'en', part: 'en' },
      { root, lang: 'fa', part: 'fa' },
    ];
    const at = textAt(texts, range);
    expect(at?.shown.lang).toBe('fa');
    expect(at && at.text.slice(at.start, at.end)).toBe('تشکیل');
    // A range from one language into the other belongs to neither.
    const across = document.createRange();
    across.setStart(root.querySelector('[data-part="en"] em') as Node, 0);
    across.setEnd(persian as Node, 1);
    expect(textAt(texts, across)).toBeNull();
    // Offsets of a boundary between elements are those of the next text.
    const around = document.createRange();
    around.setStartBefore(root.querySelector('[data-part="en"] ul') as Node);
    around.setEndAfter(root.querySelector('[data-part="en"] ul') as Node);
    const text = textOf(root, 'en');
    expect(offsetsOf(root, around, 'en')).toEqual({
      start: text.indexOf('One'),
      end: text.indexOf('  Loose'),
    });
  });

  it('marks only the text of its part when a range crosses the other language', () => {
    const root = pairs();
    const text = textOf(root, 'en');
    const range = rangeOf(root, text.indexOf('met.'), text.indexOf('Two') + 3, 'en');
    expect(range?.toString()).toContain('Persian');
    markRange(root, range as Range, 'h2', 'en');
    expect(marked(root)).toBe('met.|One|Two');
  });

  it('draws again only when the places, a text or the marks changed', () => {
    const root = attach(BODY);
    const texts = [{ root, lang: 'en' }];
    const text = textOf(root);
    const at = text.indexOf('council');
    const one = { id: 'h1', lang: 'en', ...describe(text, at, at + 7) };
    const painter = new HighlightPainter<typeof one>();
    expect(painter.paint(texts, [one])).toEqual([]);
    const mark = root.querySelector('mark');
    // The same highlights again (a new list, as a reload of them gives): the marks stay.
    expect(painter.paint(texts, [{ ...one }])).toEqual([]);
    expect(root.querySelector('mark')).toBe(mark);
    // The text rendered again: its marks are gone, and drawn anew.
    root.innerHTML = BODY;
    painter.paint(texts, [one]);
    expect(marked(root)).toBe('council');
    // The passage edited away: the highlight is an orphan, and is drawn nowhere.
    root.innerHTML = BODY.replace('council', 'board');
    expect(painter.paint(texts, [one])).toEqual([one]);
    expect(marked(root)).toBe('');
  });
});
