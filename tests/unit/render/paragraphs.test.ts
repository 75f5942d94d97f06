import { describe, expect, it } from 'vitest';
import { topLevelBlocks } from '../../../src/lib/render/paragraphs';
import { sanitizeBody } from '../../../src/lib/render/sanitize';

describe('topLevelBlocks', () => {
  it('returns each top-level block as its own HTML, in order, nested markup kept', () => {
    expect(
      topLevelBlocks(
        '<p>One <a href="https://x.example/">link</a></p>\n<h2>Two</h2> <ul><li><p>a</p></li></ul>' +
          '<blockquote><p>Four</p><p>still four</p></blockquote>',
      ),
    ).toEqual([
      '<p>One <a href="https://x.example/">link</a></p>',
      '<h2>Two</h2>',
      '<ul><li><p>a</p></li></ul>',
      '<blockquote><p>Four</p><p>still four</p></blockquote>',
    ]);
  });

  it('wraps each run of loose text and inline elements in one paragraph', () => {
    expect(topLevelBlocks('Loose <b>bold</b> text<p>Block</p><em>tail</em>')).toEqual([
      '<p>Loose <b>bold</b> text</p>',
      '<p>Block</p>',
      '<p><em>tail</em></p>',
    ]);
  });

  it('drops whitespace, line breaks and comments between blocks, keeps a lone image', () => {
    expect(
      topLevelBlocks('  <p>A</p>\n<br> <!-- note --> <p>B</p><img src="x.jpg" alt="X">'),
    ).toEqual(['<p>A</p>', '<p>B</p>', '<p><img src="x.jpg" alt="X"></p>']);
    expect(topLevelBlocks('')).toEqual([]);
    expect(topLevelBlocks(' \n ')).toEqual([]);
  });

  it('keeps direction and language marks the body carries, in a right-to-left text', () => {
    const blocks = topLevelBlocks('<p dir="rtl" lang="fa">سلام</p><p>دوم</p>');
    expect(blocks).toEqual(['<p dir="rtl" lang="fa">سلام</p>', '<p>دوم</p>']);
  });

  it('cuts sanitised output without bringing anything unsafe back', () => {
    const safe = sanitizeBody(
      '<p onclick="x()">A</p><script>bad()</script><p>B<iframe src="https://e.example"></iframe></p>',
      'https://feed.example/content/articles/a.json',
    );
    const blocks = topLevelBlocks(safe);
    expect(blocks).toEqual(['<p>A</p>', '<p>B</p>']);
  });
});
