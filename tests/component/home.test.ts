import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import App from '../../src/App.svelte';
import { library } from '../../src/lib/state/library.svelte';
import { syncStatus } from '../../src/lib/state/sync-status.svelte';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { seed, setSync } from './helpers';

// Home is a chunk of its own: compiled on first import, which alone can outlast a test's 5 s.
beforeAll(() => import('../../src/routes/Home.svelte'), 30_000);

describe('Home', () => {
  it('shows a loading skeleton during the very first sync', async () => {
    await setSync({ status: 'syncing', startedAt: Date.now() });
    await library.refresh();
    render(App);
    const loading = await screen.findByRole('status', { name: '', busy: true });
    expect(loading).toHaveTextContent('Loading articles…');
    expect(screen.queryAllByRole('article')).toHaveLength(0);
  });

  it('lists saved articles newest first with their details', async () => {
    await seed(
      indexPage([
        summary('newer', {
          published: '2026-11-02T08:00:00Z',
          updated: '2026-11-02T08:00:00Z',
          categories: ['political', 'top-news'],
        }),
        summary('older', { categories: ['uncharted'] }),
      ]),
    );
    render(App);
    const cards = await screen.findAllByRole('article');
    expect(cards).toHaveLength(2);
    const first = within(cards[0] as HTMLElement);
    expect(first.getByRole('heading', { level: 2, name: 'Title newer' })).toBeInTheDocument();
    expect(first.getByRole('link', { name: 'Title newer' })).toHaveAttribute(
      'href',
      '/article/newer',
    );
    expect(first.getByText('Opinion')).toBeInTheDocument();
    expect(first.getByText('Excerpt newer')).toBeInTheDocument();
    // A compact card: the author's name (the role is on the article page).
    expect(first.getByText('A. Writer')).toBeInTheDocument();
    expect(first.queryByText(/Expert/)).toBeNull();
    expect(first.getByText('November 2, 2026')).toBeInTheDocument();
    expect(first.getByText(/Political, Top news/)).toBeInTheDocument();
    // An undeclared category shows by its id.
    expect(within(cards[1] as HTMLElement).getByText(/uncharted/)).toBeInTheDocument();
  });

  it('names the kind once, and marks only the articles not saved for offline', async () => {
    await seed(
      indexPage(
        [
          summary('saved', { categories: ['opinion', 'political'] }),
          summary('listed', { published: '2026-10-01T08:00:00Z' }),
        ],
        {
          categories: [
            { id: 'opinion', name: { en: 'Opinion', es: 'Opinión' } },
            { id: 'political', name: { en: 'Political', es: 'Política' } },
          ],
        },
      ),
      [articleFile('saved')],
    );
    render(App);
    const cards = await screen.findAllByRole('article');
    const saved = within(cards[0] as HTMLElement);
    // "Opinion" is the kicker; the category of the same name is not listed again after it.
    expect(saved.getAllByText(/Opinion/)).toHaveLength(1);
    expect(saved.getByText(/Political/)).toBeInTheDocument();
    expect(saved.queryByText('Not saved for offline yet')).toBeNull();
    expect(
      within(cards[1] as HTMLElement).getByText('Not saved for offline yet'),
    ).toBeInTheDocument();
    // The bookmark is an icon button, named for what it does.
    expect(saved.getByRole('button', { name: 'Bookmark' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('shows titles and excerpts as text, never as HTML', async () => {
    await seed(
      indexPage([
        summary('x', {
          translations: { en: { title: '<img src=x onerror=alert(1)>Hi', excerpt: '<b>bold</b>' } },
        }),
      ]),
    );
    const { container } = render(App);
    expect(
      await screen.findByRole('link', { name: '<img src=x onerror=alert(1)>Hi' }),
    ).toBeInTheDocument();
    expect(screen.getByText('<b>bold</b>')).toBeInTheDocument();
    expect(container.querySelector('article img, article b')).toBeNull();
  });

  it('updates when a sync lands new articles', async () => {
    await seed(indexPage([summary('first')]));
    render(App);
    expect(await screen.findAllByRole('article')).toHaveLength(1);
    await seed(
      indexPage([
        summary('second', { published: '2026-11-03T00:00:00Z', updated: '2026-11-03T00:00:00Z' }),
        summary('first'),
      ]),
    );
    expect(await screen.findByRole('link', { name: 'Title second' })).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('says so when offline with nothing saved', async () => {
    await setSync({ status: 'offline' });
    await library.refresh();
    await syncStatus.refresh();
    render(App);
    expect(
      await screen.findByText(
        'No articles saved yet. Connect to the internet once to download them.',
      ),
    ).toBeInTheDocument();
  });
});
