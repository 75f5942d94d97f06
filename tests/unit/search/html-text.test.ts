import { describe, expect, it } from 'vitest';
import { collapseSpace, htmlToText } from '../../../src/lib/search/html-text';

const text = (html: string) => collapseSpace(htmlToText(html));

describe('htmlToText', () => {
  it('keeps words apart across blocks and together across inline tags', () => {
    expect(text('<p>First.</p><p>Second <b>Bar</b>celona</p>')).toBe('First. Second Barcelona');
  });

  it('drops scripts, styles and comments entirely', () => {
    expect(text('<p>a</p><script>alert("x")</script><style>p{}</style><!-- note --><p>b</p>')).toBe(
      'a b',
    );
  });

  it('decodes named and numeric entities', () => {
    expect(text('Fish &amp; chips &#233;t&#xE9; &nbsp;x&zwnj;y &unknown;')).toBe(
      'Fish & chips été x\u200cy &unknown;',
    );
  });
});
