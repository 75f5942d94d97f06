import { describe, expect, it } from 'vitest';
import { anchor, CONTEXT, describe as describeSpan } from '../../../src/lib/annotations/anchor';
import { offsetsOf, rangeOf, textOf } from '../../../src/lib/annotations/text-map';

const body =
  'The council met on Monday. Withdrawal was on the agenda. ' +
  'After a long debate, withdrawal was postponed to spring.';

/** The selectors of the `occurrence`-th (from 0) `passage` in `text`. */
function select(text: string, passage: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(passage, at + 1);
  return describeSpan(text, at, at + passage.length);
}

const quoted = (text: string, found: { start: number; end: number } | null) =>
  found && text.slice(found.start, found.end);

describe('anchoring a highlight', () => {
  it('describes a passage by quote, context and offsets', () => {
    const { quote, position } = select(body, 'was postponed');
    expect(quote.exact).toBe('was postponed');
    expect(quote.prefix).toBe(body.slice(position.start - CONTEXT, position.start));
    expect(quote.suffix).toBe(' to spring.');
    expect(body.slice(position.start, position.end)).toBe('was postponed');
  });

  it('finds an unchanged passage at its offsets', () => {
    const selectors = select(body, 'on the agenda');
    expect(anchor(body, selectors)).toEqual(selectors.position);
  });

  it('finds the passage again after an edit before it moved the offsets', () => {
    const selectors = select(body, 'withdrawal was postponed');
    const edited = body.replace('on Monday', 'on a rainy Monday morning');
    const found = anchor(edited, selectors);
    expect(found?.start).toBe(edited.indexOf('withdrawal was postponed'));
    expect(quoted(edited, found)).toBe('withdrawal was postponed');
  });

  it('tells a repeated passage apart by its context, not by where it was', () => {
    // Text added at the start moves the first "was" to where the second one was.
    const selectors = select(body, 'was', 1);
    const first = body.indexOf('was');
    const edited = `${'x'.repeat(selectors.position.start - first - 1)} ${body}`;
    expect(edited.indexOf('was')).toBe(selectors.position.start);
    const found = anchor(edited, selectors);
    expect(found?.start).toBe(edited.lastIndexOf('was'));
  });

  it('orphans a highlight whose passage was removed', () => {
    const selectors = select(body, 'postponed to spring');
    const edited = body.replace('postponed to spring', 'settled');
    expect(anchor(edited, selectors)).toBeNull();
  });

  it('anchors right-to-left text by its logical order', () => {
    const persian = 'شورا روز دوشنبه تشکیل جلسه داد. خروج نیروها در دستور کار بود.';
    const selectors = select(persian, 'خروج نیروها');
    const edited = `گزارش تازه: ${persian}`;
    expect(quoted(edited, anchor(edited, selectors))).toBe('خروج نیروها');
    expect(anchor(persian, selectors)).toEqual(selectors.position);
  });
});

describe('mapping a rendered body to its text', () => {
  function render(html: string): HTMLElement {
    const root = document.createElement('div');
    root.innerHTML = html;
    document.body.append(root);
    return root;
  }

  it('selects a passage that spans inline elements and a paragraph end, and back', () => {
    const root = render(
      '<p>The <a href="#">council</a> met <em>on <b>Monday</b></em>.</p><p>Withdrawal was next.</p>',
    );
    const text = textOf(root);
    // Paragraphs are apart by a newline, however the source spaced them.
    expect(text).toBe('The council met on Monday.\nWithdrawal was next.');
    const start = text.indexOf('council met on Mon');
    const range = rangeOf(root, start, text.indexOf('Withdrawal') + 'Withdrawal'.length);
    expect(range?.toString()).toBe('council met on Monday.Withdrawal');
    expect(range?.startContainer.textContent).toBe('council');
    expect(offsetsOf(root, range as Range)).toEqual({
      start,
      end: text.indexOf(' was next'),
    });
    root.remove();
  });

  it('finds nothing outside the body or for an empty span', () => {
    const root = render('<p>Short.</p>');
    const outside = document.createRange();
    outside.selectNodeContents(document.head);
    expect(offsetsOf(root, outside)).toBeNull();
    expect(rangeOf(root, 2, 2)).toBeNull();
    expect(rangeOf(root, 3, 99)).toBeNull();
    root.remove();
  });
});
