import { describe, expect, it } from 'vitest';
import { highlightsMarkdown } from '../../../src/lib/annotations/markdown';

describe('highlights as Markdown', () => {
  it('gives each article its linked title, author and date, then quotes and notes', () => {
    const markdown = highlightsMarkdown('Highlights', [
      {
        title: 'NATO’s *ambiguous* mission',
        author: 'Hamideh Safamanesh',
        published: '2023-11-23T10:00:00Z',
        url: 'https://example.org/natos-mission/',
        highlights: [
          { quote: 'The first line\nand the second', note: 'Read with [care]' },
          { quote: '# not a heading', note: '' },
        ],
      },
      { title: 'شورای راهبردی', highlights: [{ quote: 'روابط خارجی', note: 'یادداشت' }] },
      // Taken down: the quote was erased, the note stays, alone.
      { title: 'Taken down', highlights: [{ quote: '', note: 'Mine still' }] },
    ]);
    expect(markdown).toBe(
      [
        '# Highlights',
        '## [NATO’s \\*ambiguous\\* mission](<https://example.org/natos-mission/>)',
        'Hamideh Safamanesh · 2023-11-23',
        '> The first line\n> and the second',
        'Read with \\[care\\]',
        '> \\# not a heading',
        '## شورای راهبردی',
        '> روابط خارجی',
        'یادداشت',
        '## Taken down',
        'Mine still',
      ].join('\n\n') + '\n',
    );
  });
});
