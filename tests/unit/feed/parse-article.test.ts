import { describe, expect, it } from 'vitest';
import { FeedError, parseArticleFile } from '../../../src/lib/feed';
import { articleFile } from '../../fixtures/feed';

const languages = [
  { code: 'en', name: 'English', dir: 'ltr' as const },
  { code: 'es', name: 'Español', dir: 'ltr' as const },
];
const parse = (data: unknown, expectedId = 'one') =>
  parseArticleFile(data, { label: 'articles/one.json', expectedId, languages });

function refusal(data: unknown, expectedId = 'one'): FeedError {
  try {
    parse(data, expectedId);
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected the article to be refused');
}

describe('parseArticleFile', () => {
  it('reads a full article with image, postId and comments', () => {
    const article = parse(
      articleFile('one', {
        translations: {
          en: {
            title: 'T',
            body: '<p>B</p>',
            image: { src: '../media/a.jpg', alt: '' },
            postId: 48213,
          },
        },
        comments: {
          open: true,
          count: 3,
          items: [
            { id: 'c1', author: { name: 'Ana' }, date: '2026-11-02T09:00:00Z', body: 'Hi' },
            {
              id: 'c2',
              parent: 'c1',
              author: { name: 'Bo' },
              date: '2026-11-02T10:00:00Z',
              body: '<b>x</b>',
            },
          ],
        },
      }),
    );
    expect(article.translations.en?.postId).toBe(48213);
    expect(article.translations.en?.image?.alt).toBe('');
    expect(article.comments?.items[1]?.body).toBe('<b>x</b>');
    expect('version' in article).toBe(false);
  });

  it('shows a repeated comment id once, as first listed, keeping the article', () => {
    const comment = (id: string, body: string) => ({
      id,
      author: { name: 'Ana' },
      date: '2026-11-02T09:00:00Z',
      body,
    });
    const article = parse(
      articleFile('one', {
        comments: {
          open: true,
          items: [comment('c1', 'First'), comment('c2', 'Reply'), comment('c1', 'Again')],
        },
      }),
    );
    expect(article.comments?.items.map((item) => item.body)).toEqual(['First', 'Reply']);
  });

  it('refuses an article whose id disagrees with its summary', () => {
    expect(refusal(articleFile('other')).message).toBe(
      'articles/one.json: id: "other" does not match the summary\'s id "one"',
    );
  });

  it('refuses a missing body, naming the field', () => {
    const error = refusal(articleFile('one', { translations: { en: { title: 'T' } } }));
    expect(error.message).toBe('articles/one.json: translations.en.body: is required');
  });

  it('refuses an undeclared language', () => {
    const error = refusal(
      articleFile('one', { translations: { de: { title: 'T', body: '<p>x</p>' } } }),
    );
    expect(error.problem.field).toBe('translations.de');
  });

  it('refuses a newer version and a broken comment', () => {
    expect(refusal(articleFile('one', { version: 3 })).problem.kind).toBe('version');
    const error = refusal(articleFile('one', { comments: { open: 'yes', items: [] } }));
    expect(error.message).toBe('articles/one.json: comments.open: must be true or false');
  });

  it('refuses updated before published', () => {
    const error = refusal(articleFile('one', { updated: '2020-01-01T00:00:00Z' }));
    expect(error.problem.field).toBe('updated');
  });
});
