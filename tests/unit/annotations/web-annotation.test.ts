import { describe, expect, it } from 'vitest';
import { describe as describeSpan } from '../../../src/lib/annotations/anchor';
import { highlightsAnnotations } from '../../../src/lib/annotations/web-annotation';

const text = 'شورای راهبردی روابط خارجی گفت که نشست برگزار شد.';

describe('highlights as W3C Web Annotations', () => {
  it('gives each highlight its article as target, quote and position, and note as body', () => {
    const at = text.indexOf('روابط خارجی');
    const collection = highlightsAnnotations('Highlights', [
      {
        articleId: 'council',
        url: 'https://example.org/council/',
        highlights: [
          {
            id: 'a1',
            lang: 'fa',
            ...describeSpan(text, at, at + 'روابط خارجی'.length),
            note: 'یادداشت',
            createdAt: Date.UTC(2026, 11, 1),
            changedAt: Date.UTC(2026, 11, 2),
          },
        ],
      },
      {
        articleId: 'no page',
        highlights: [
          {
            id: 'b2',
            lang: 'en',
            ...describeSpan('Taken down.', 0, 5),
            note: '',
            createdAt: 0,
            changedAt: 0,
          },
        ],
      },
    ]);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: 'Highlights',
      total: 2,
    });
    const [noted, plain] = collection.first.items;
    expect(noted).toEqual({
      id: 'urn:folio:highlight:a1',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-12-01T00:00:00.000Z',
      modified: '2026-12-02T00:00:00.000Z',
      body: { type: 'TextualBody', value: 'یادداشت', format: 'text/plain' },
      target: {
        source: { id: 'https://example.org/council/', language: 'fa' },
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'روابط خارجی',
            prefix: 'شورای راهبردی ',
            suffix: ' گفت که نشست برگزار شد.',
          },
          { type: 'TextPositionSelector', start: at, end: at + 11 },
        ],
      },
    });
    // No note: a highlight, with no body; no page on the site: the article's own name.
    expect(plain?.motivation).toBe('highlighting');
    expect(plain).not.toHaveProperty('body');
    expect(plain?.target.source.id).toBe('urn:folio:article:no%20page');
  });
});
