import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { bookmarkedIds, getDb } from '../../src/lib/db';
import { bookmarks } from '../../src/lib/state/bookmarks.svelte';
import { library } from '../../src/lib/state/library.svelte';
import { locale } from '../../src/lib/state/locale.svelte';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

const persist = vi.fn(async () => true);

beforeEach(() => {
  persist.mockClear();
  // jsdom has no StorageManager; the app only needs these two methods of it.
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { persist, persisted: async () => false },
  });
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  locale.followFeed();
});

async function seedTwo(): Promise<void> {
  await seed(indexPage([summary('one'), summary('two')]), [articleFile('one'), articleFile('two')]);
  await bookmarks.refresh();
}

function card(title: string): ReturnType<typeof within> {
  return within(screen.getByRole('article', { name: title }));
}

describe('Bookmark toggle', () => {
  it('is an unpressed "Bookmark" button on every card, pressed once clicked', async () => {
    await seedTwo();
    render(App);
    const user = userEvent.setup();
    for (const title of ['Title one', 'Title two']) {
      const button = card(title).getByRole('button', { name: 'Bookmark' });
      expect(button).toHaveAttribute('aria-pressed', 'false');
      expect(button).toHaveAttribute('data-action', 'bookmark');
    }

    const toggle = vi.spyOn(bookmarks, 'toggle');
    await user.click(card('Title one').getByRole('button', { name: 'Bookmark' }));

    const pressed = card('Title one').getByRole('button', { name: 'Remove bookmark' });
    expect(pressed).toHaveAttribute('aria-pressed', 'true');
    expect(card('Title two').getByRole('button', { name: 'Bookmark' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    // Pressed before the write: the write ends before the teardown closes the database.
    await Promise.all(toggle.mock.results.map((result) => result.value));
    expect(toggle).toHaveBeenCalledOnce();
  });

  it('keeps the bookmark across a reload of the stored state', async () => {
    await seedTwo();
    const { unmount } = render(App);
    await userEvent.click(card('Title two').getByRole('button', { name: 'Bookmark' }));
    await waitFor(() => expect(persist).toHaveBeenCalled());
    unmount();

    // What a reload reads: the bookmark is stored, not only shown.
    expect(await bookmarkedIds(await getDb())).toEqual(new Set(['two']));
    await bookmarks.refresh();
    render(App);
    expect(card('Title two').getByRole('button', { name: 'Remove bookmark' })).toBeInTheDocument();
  });

  it('removes the bookmark when pressed again', async () => {
    await seedTwo();
    render(App);
    const user = userEvent.setup();
    await user.click(card('Title one').getByRole('button', { name: 'Bookmark' }));
    await user.click(card('Title one').getByRole('button', { name: 'Remove bookmark' }));
    expect(card('Title one').getByRole('button', { name: 'Bookmark' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await bookmarks.refresh();
    expect(card('Title one').getByRole('button', { name: 'Bookmark' })).toBeInTheDocument();
  });

  it('asks for persistent storage on the first bookmark only', async () => {
    await seedTwo();
    render(App);
    const user = userEvent.setup();
    await user.click(card('Title one').getByRole('button', { name: 'Bookmark' }));
    await waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    await user.click(card('Title two').getByRole('button', { name: 'Bookmark' }));
    await user.click(card('Title one').getByRole('button', { name: 'Remove bookmark' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('is on the article page too, named in the UI language', async () => {
    await seedTwo();
    locale.choose('es');
    goTo('/article/one');
    render(App);
    const article = await screen.findByRole('article', { name: 'Título one' });
    const button = within(article).getByRole('button', { name: 'Guardar en marcadores' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(button).toHaveAttribute('data-action', 'bookmark');

    await userEvent.click(button);
    expect(within(article).getByRole('button', { name: 'Quitar de marcadores' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('asks for a sync when the bookmarked article has no saved body, so it gets saved', async () => {
    const index = indexPage([summary('unsaved')]);
    await seed(index);
    await bookmarks.refresh();
    // The network edge: the sync that the bookmark asks for fetches the feed and the body.
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const url = String(input);
      fetched.push(url);
      if (url.endsWith('/content/index.json')) return Response.json(index);
      if (url.endsWith('/content/articles/unsaved.json')) {
        return Response.json(articleFile('unsaved'));
      }
      return new Response('not found', { status: 404 });
    });
    goTo('/article/unsaved');
    render(App);
    expect(
      await screen.findByText('The full text of this article has not been saved yet.'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Bookmark' }));

    await waitFor(() =>
      expect(fetched.some((url) => url.endsWith('/content/articles/unsaved.json'))).toBe(true),
    );
    // The app reloads on the sync's announcement; here the test does what that listener does.
    await waitFor(async () => {
      await library.refresh();
      expect(screen.getByText('Body of unsaved')).toBeInTheDocument();
    });
  });

  it('asks for no sync when the body is already saved', async () => {
    await seedTwo();
    const fetch = vi.fn(async () => new Response('not found', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    render(App);
    await userEvent.click(card('Title one').getByRole('button', { name: 'Bookmark' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetch).not.toHaveBeenCalled();
  });
});
