import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { getDb } from '../../src/lib/db';
import { localBackend } from '../../src/lib/search/local-backend';
import { search } from '../../src/lib/state/search.svelte';
import { articleFile, indexPage, summaries, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

const feed = indexPage([
  summary('foreign', {
    categories: ['political'],
    translations: {
      en: { title: 'Foreign policy after the summit', excerpt: 'Ministers met in Madrid.' },
      es: { title: 'La política exterior tras la cumbre', excerpt: 'Los ministros en Madrid.' },
    },
  }),
  summary('markets', {
    categories: ['top-news'],
    translations: {
      en: { title: 'Markets calm down', excerpt: 'Prices steady.' },
      es: { title: 'Los mercados se calman', excerpt: 'Una política monetaria prudente.' },
    },
  }),
]);

const bodies = [
  articleFile('foreign', {
    translations: {
      en: { title: 'Foreign policy after the summit', body: '<p>A treaty on fisheries.</p>' },
      es: { title: 'La política exterior tras la cumbre', body: '<p>Un tratado de pesca.</p>' },
    },
  }),
];

/** The page's live count (the site's status line is another role="status"). */
const resultStatus = () => within(screen.getByRole('main')).getByRole('status');

// The lazily loaded routes compile on first import: slow on a busy machine, so done up front.
beforeAll(async () => {
  await Promise.all([
    import('../../src/routes/SearchPage.svelte'),
    import('../../src/routes/Home.svelte'),
  ]);
}, 60_000);

beforeEach(async () => {
  await seed(feed, bodies);
  // jsdom has no workers: the same search service runs in this thread.
  search.connect(localBackend(getDb));
});

describe('search page', () => {
  it('finds an accented word from an unaccented query, highlighted, and announces the count', async () => {
    goTo('/search?q=politica&in=es');
    render(App);
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
    await waitFor(() => expect(resultStatus()).toHaveTextContent('2 results'));
    const link = screen.getByRole('link', { name: 'La política exterior tras la cumbre' });
    expect(link).toHaveAttribute('href', '/article/foreign?lang=es');
    expect(within(link).getByText('política').tagName).toBe('MARK');
    expect(screen.getByRole('searchbox', { name: 'Search saved articles' })).toHaveValue(
      'politica',
    );
  });

  it('searches saved bodies, and filters by category and language', async () => {
    goTo('/search?q=trat');
    render(App);
    await screen.findByRole('link', { name: 'La política exterior tras la cumbre' });

    const user = userEvent.setup();
    const field = screen.getByRole('searchbox', { name: 'Search saved articles' });
    await user.clear(field);
    await user.type(field, 'Politica{Enter}');
    await waitFor(() => expect(resultStatus()).toHaveTextContent('2 results'));

    await user.selectOptions(screen.getByRole('combobox', { name: 'In category' }), 'top-news');
    await waitFor(() => expect(resultStatus()).toHaveTextContent('1 result'));
    expect(screen.getByRole('link', { name: 'Los mercados se calman' })).toBeInTheDocument();
    expect(window.location.search).toContain('c=top-news');

    await user.selectOptions(screen.getByRole('combobox', { name: 'In language' }), 'en');
    await waitFor(() => expect(resultStatus()).toHaveTextContent('No saved article matches'));
  });

  it('keeps the field focused while the address follows the typing, and the filter focused', async () => {
    goTo('/search?q=');
    render(App);
    const user = userEvent.setup();
    const field = await screen.findByRole('searchbox', { name: 'Search saved articles' });
    await user.type(field, 'pol');
    // A pause: the query goes into the address, and the reader carries on typing.
    await waitFor(() => expect(window.location.search).toBe('?q=pol'));
    expect(field).toHaveFocus();
    await user.keyboard('itica');
    await waitFor(() => expect(window.location.search).toBe('?q=politica'));
    expect(field).toHaveValue('politica');
    await waitFor(() => expect(resultStatus()).toHaveTextContent('2 results'));

    const category = screen.getByRole('combobox', { name: 'In category' });
    await user.selectOptions(category, 'top-news');
    await waitFor(() => expect(window.location.search).toContain('c=top-news'));
    expect(category).toHaveFocus();
  });

  it('opens from the search field in the header, and "/" focuses it', async () => {
    goTo('/');
    render(App);
    const user = userEvent.setup();
    const field = await screen.findByRole('searchbox', { name: 'Search saved articles' });
    await user.keyboard('/');
    expect(field).toHaveFocus();
    await user.type(field, 'markets{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Markets calm down' })).toHaveAttribute(
      'href',
      '/article/markets',
    );
    // The page has one search field: its own.
    expect(screen.getAllByRole('search')).toHaveLength(1);
  });

  it('lists 50 results at first and the rest on "Show more results"', async () => {
    await seed(indexPage(summaries(55)));
    search.connect(localBackend(getDb));
    goTo('/search?q=extracto');
    render(App);
    await waitFor(() => expect(resultStatus()).toHaveTextContent('55 results'));
    const results = () => within(screen.getByRole('main')).getAllByRole('article');
    await waitFor(() => expect(results()).toHaveLength(50));
    await userEvent.click(screen.getByRole('button', { name: 'Show more results' }));
    await waitFor(() => expect(results()).toHaveLength(55));
    expect(screen.queryByRole('button', { name: 'Show more results' })).not.toBeInTheDocument();
  });

  it('shows results as the reader types, before the address follows', async () => {
    goTo('/search?q=');
    render(App);
    const field = await screen.findByRole('searchbox', { name: 'Search saved articles' });
    await waitFor(() => expect(search.status).toBe('ready'));
    const user = userEvent.setup();
    await user.type(field, 'markets');
    // Answered from the field: the address is refined only once typing pauses.
    await screen.findByRole('link', { name: 'Markets calm down' });
    expect(window.location.search).toBe('?q=');
    expect(field).toHaveFocus();
    await waitFor(() => expect(window.location.search).toBe('?q=markets'));
    expect(field).toHaveFocus();
  });

  it('says when no article has every word, and shows the closest matches', async () => {
    goTo('/search?q=markets%20zanzibar');
    render(App);
    await waitFor(() =>
      expect(resultStatus()).toHaveTextContent(
        'No saved article matches all of “markets zanzibar”. The closest matches:',
      ),
    );
    expect(screen.getByRole('link', { name: 'Markets calm down' })).toBeInTheDocument();
  });

  it('leaves out articles with a -word, and finds a quoted phrase in saved bodies', async () => {
    goTo('/search?q=summit%20-treaty');
    render(App);
    await waitFor(() => expect(resultStatus()).toHaveTextContent('No saved article matches'));
    goTo('/search?q=%22treaty%20on%20fisheries%22');
    await screen.findByRole('link', { name: 'Foreign policy after the summit' });
    goTo('/search?q=%22fisheries%20treaty%22');
    await waitFor(() =>
      expect(resultStatus()).toHaveTextContent('No saved article matches all of'),
    );
  });
});
