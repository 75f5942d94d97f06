import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import App from '../../src/App.svelte';
import { library } from '../../src/lib/state/library.svelte';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { goTo, seed, setSync } from './helpers';

const hostileBody =
  '<p>Safe <a href="../other.html">relative</a> and <a href="javascript:alert(1)">bad</a></p>' +
  '<img src="../media/pic.jpg" alt="Picture" onerror="alert(1)">' +
  '<script>window.hacked = true</script><iframe src="https://evil.example"></iframe>' +
  '<form action="https://evil.example"><input name="q"></form>' +
  '<p style="position:fixed;inset:0">Styled</p>';

function open(id: string) {
  goTo(`/article/${id}`);
  return render(App);
}

describe('Article page', () => {
  it('shows the title, date, categories, kind, lead, author and sanitised body', async () => {
    await seed(indexPage([summary('one')]), [
      articleFile('one', {
        translations: {
          en: {
            title: 'The full title',
            kind: 'Opinion',
            lead: 'The lead paragraph.',
            author: { name: 'Seyed Writer', role: 'Expert on Iraq affairs' },
            body: hostileBody,
          },
        },
      }),
    ]);
    const { container } = open('one');
    const article = await screen.findByRole('article', { name: 'The full title' });
    const view = within(article);
    expect(view.getByRole('heading', { level: 1, name: 'The full title' })).toBeInTheDocument();
    expect(view.getByText('Opinion')).toBeInTheDocument();
    expect(view.getByText('The lead paragraph.')).toBeInTheDocument();
    expect(view.getByText('Seyed Writer')).toBeInTheDocument();
    expect(view.getByText(/Expert on Iraq affairs/)).toBeInTheDocument();
    expect(view.getByText('November 1, 2026')).toBeInTheDocument();
    expect(view.getByText(/Political/)).toBeInTheDocument();

    // Relative URLs resolve against the article file, not the page.
    expect(view.getByRole('link', { name: 'relative' })).toHaveAttribute(
      'href',
      'https://feed.example/content/other.html',
    );
    expect(view.getByRole('link', { name: 'relative' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    expect(view.getByRole('img', { name: 'Picture' })).toHaveAttribute(
      'src',
      'https://feed.example/content/media/pic.jpg',
    );
    expect(view.getByText('bad')).not.toHaveAttribute('href');
    expect(
      container
        .querySelector('.body')
        ?.querySelector('script, iframe, form, input, [onerror], [style]'),
    ).toBeNull();
    // The site header's search form is the only form on the page.
    expect(container.querySelector('script, iframe, [onerror]')).toBeNull();
    expect(container.querySelectorAll('form')).toHaveLength(1);
    expect(view.getByText('Styled')).toBeInTheDocument();
  });

  it('lists existing comments as text, replies marked', async () => {
    await seed(indexPage([summary('c')]), [
      articleFile('c', {
        comments: {
          open: false,
          count: 5,
          items: [
            {
              id: 'c1',
              author: { name: 'Ana' },
              date: '2026-11-02T09:00:00Z',
              body: '<b>not bold</b>',
            },
            {
              id: 'c2',
              parent: 'c1',
              author: { name: 'Bo' },
              date: '2026-11-03T09:00:00Z',
              body: 'Reply',
            },
          ],
        },
      }),
    ]);
    open('c');
    const section = await screen.findByRole('region', { name: '5 comments' });
    expect(within(section).getByText('<b>not bold</b>')).toBeInTheDocument();
    expect(within(section).getByRole('article', { name: 'Bo' })).toHaveTextContent(
      'In reply to Ana',
    );
    expect(within(section).getByText('Comments are closed.')).toBeInTheDocument();
  });

  it('shows the summary and says the text is not saved when only the summary is stored', async () => {
    await seed(indexPage([summary('later')]));
    await setSync({ status: 'offline', lastSuccessAt: Date.now() });
    open('later');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Title later' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Excerpt later')).toBeInTheDocument();
    expect(
      screen.getByText('The full text of this article was not saved before you went offline.'),
    ).toBeInTheDocument();
  });

  it('says an unknown article is not found', async () => {
    await seed(indexPage([summary('one')]));
    open('missing');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Article not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the latest articles' })).toHaveAttribute(
      'href',
      '/',
    );
  });

  it('shows a not-found page for an unknown address', async () => {
    await seed(indexPage([]));
    goTo('/no/such/page');
    render(App);
    // The not-found page is a chunk of its own.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
  });

  it('keeps the rendered body (and a selection in it) when the library is read again', async () => {
    await seed(indexPage([summary('one')]), [
      articleFile('one', {
        translations: { en: { title: 'Kept', body: '<p>First paragraph.</p><p>Second.</p>' } },
      }),
    ]);
    open('one');
    const first = await screen.findByText('First paragraph.');
    const selection = document.getSelection();
    selection?.selectAllChildren(first);
    // A sync landing (or a bookmark) reads the library, and the article with it, again.
    await library.refresh();
    await library.refresh();
    await screen.findByRole('article', { name: 'Kept' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText('First paragraph.')).toBe(first);
    expect(selection?.toString()).toBe('First paragraph.');
  });
});
