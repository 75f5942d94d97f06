import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { addBookmark, getDb } from '../../src/lib/db';
import { bookmarks } from '../../src/lib/state/bookmarks.svelte';
import { locale } from '../../src/lib/state/locale.svelte';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

afterEach(() => {
  locale.followFeed();
});

const day = (n: number) => Date.UTC(2026, 10, n, 12);

/** Opens /bookmarks with the state read afresh (the singleton outlives each test's database). */
async function openPage(): Promise<void> {
  await Promise.all([bookmarks.refresh(), bookmarks.loadList()]);
  goTo('/bookmarks');
  render(App);
  await screen.findByRole('heading', { level: 1, name: 'Bookmarks' });
}

function items(): HTMLElement[] {
  return within(screen.getByRole('main')).queryAllByRole('listitem');
}

describe('Bookmarks page', () => {
  it('says there are no bookmarks yet', async () => {
    await seed(indexPage([summary('one')]), [articleFile('one')]);
    await openPage();
    expect(screen.getByText(/No bookmarks yet/)).toBeInTheDocument();
    expect(items()).toHaveLength(0);
  });

  it('lists bookmarks newest-bookmarked first, each linked with its bookmark date', async () => {
    await seed(indexPage([summary('a'), summary('b'), summary('c')]), [articleFile('a')]);
    const db = await getDb();
    await addBookmark(db, 'b', 'Title b', day(3));
    await addBookmark(db, 'a', 'Title a', day(5));
    await addBookmark(db, 'c', 'Title c', day(1));
    await openPage();

    const list = items();
    expect(list.map((item) => within(item).getByRole('heading', { level: 2 }).textContent)).toEqual(
      ['Title a', 'Title b', 'Title c'],
    );
    const first = within(list[0] as HTMLElement);
    expect(first.getByRole('link', { name: 'Title a' })).toHaveAttribute('href', '/article/a');
    expect(first.getByText('Bookmarked November 5, 2026')).toBeInTheDocument();
    // Each remove button is named with its entry's title, so a list of buttons tells them apart.
    expect(first.getByRole('button', { name: 'Remove bookmark Title a' })).toBeInTheDocument();
  });

  it('sums each entry up: kind, publication date, excerpt, author, then the bookmark date', async () => {
    await seed(
      indexPage([
        summary('a', { published: '2026-10-28T08:00:00Z', updated: '2026-10-28T08:00:00Z' }),
        summary('b', {
          translations: { en: { title: 'Title b' } },
        }),
      ]),
    );
    const db = await getDb();
    await addBookmark(db, 'a', 'Title a', day(5));
    await addBookmark(db, 'b', 'Title b', day(3));
    await openPage();

    const [a, b] = items() as [HTMLElement, HTMLElement];
    const view = within(a);
    expect(view.getByText('Opinion')).toHaveAttribute('lang', 'en');
    expect(view.getByText('October 28, 2026').closest('time')).toHaveAttribute(
      'datetime',
      '2026-10-28T08:00:00Z',
    );
    const excerpt = view.getByText('Excerpt a');
    expect(excerpt).toHaveAttribute('lang', 'en');
    expect(excerpt).toHaveAttribute('dir', 'ltr');
    expect(view.getByText('A. Writer')).toHaveAttribute('lang', 'en');
    expect(view.getByText('Bookmarked November 5, 2026')).toBeInTheDocument();
    // In reading order: what the article is, its title, what it says, who wrote it, when kept.
    expect(a.textContent?.replace(/\s+/g, ' ').trim()).toMatch(
      /^Opinion.*October 28, 2026.*Title a.*Excerpt a.*A\. Writer.*Bookmarked November 5, 2026/,
    );

    // An entry the feed gives no kind, excerpt or author shows only what it has.
    expect(within(b).getByRole('link', { name: 'Title b' })).toBeInTheDocument();
    expect(within(b).queryByText(/Opinion|Excerpt|A\. Writer/)).toBeNull();
    expect(within(b).getByText('Bookmarked November 3, 2026')).toBeInTheDocument();
  });

  it('sums an entry up in the chosen language, and a withdrawn one from its saved lead', async () => {
    await seed(indexPage([summary('a'), summary('gone')]), [articleFile('gone')]);
    const db = await getDb();
    await addBookmark(db, 'a', 'Title a', day(5));
    await addBookmark(db, 'gone', 'Title gone', day(1));
    await seed(indexPage([summary('a')], { removed: ['gone'] }));
    locale.choose('es');
    await Promise.all([bookmarks.refresh(), bookmarks.loadList()]);
    goTo('/bookmarks');
    render(App);

    await screen.findByRole('link', { name: 'Título a' });
    const [a, gone] = items() as [HTMLElement, HTMLElement];
    expect(within(a).getByText('Opinión')).toHaveAttribute('lang', 'es');
    expect(within(a).getByText('Extracto a')).toHaveAttribute('lang', 'es');
    // The saved copy has no excerpt: its lead stands in.
    expect(within(gone).getByText('Entradilla gone')).toHaveAttribute('lang', 'es');
  });

  it('shows titles in the chosen language', async () => {
    await seed(indexPage([summary('a')]));
    await addBookmark(await getDb(), 'a', 'Title a', day(1));
    locale.choose('es');
    await Promise.all([bookmarks.refresh(), bookmarks.loadList()]);
    goTo('/bookmarks');
    render(App);
    expect(await screen.findByRole('link', { name: 'Título a' })).toHaveAttribute(
      'href',
      '/article/a',
    );
    // Spanish UI strings are a chunk of their own.
    expect(
      await screen.findByRole('button', { name: 'Quitar de marcadores Título a' }),
    ).toBeInTheDocument();
  });

  it('keeps a withdrawn article, says so, and still opens its saved copy', async () => {
    await seed(indexPage([summary('gone')]), [articleFile('gone')]);
    await addBookmark(await getDb(), 'gone', 'Title gone', day(1));
    // The next sync finds the article removed from the feed.
    await seed(indexPage([], { removed: ['gone'] }));
    await openPage();

    const [entry] = items();
    const view = within(entry as HTMLElement);
    expect(
      view.getByText('Withdrawn by the publisher — your saved copy is still here'),
    ).toBeInTheDocument();
    await userEvent.click(view.getByRole('link', { name: 'Title gone' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Title gone' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Body of gone')).toBeInTheDocument();
  });

  it('shows a taken-down article with neither link nor content', async () => {
    await seed(indexPage([summary('legal')]), [articleFile('legal')]);
    await addBookmark(await getDb(), 'legal', 'Title legal', day(1));
    await seed(indexPage([], { purged: ['legal'] }));
    await openPage();

    const [entry] = items();
    const view = within(entry as HTMLElement);
    expect(view.getByText('Taken down by the publisher')).toBeInTheDocument();
    expect(view.queryByRole('link')).toBeNull();
    expect(screen.queryByText(/Title legal|Lead legal|Body of legal/)).toBeNull();
    expect(
      view.getByRole('button', { name: 'Remove bookmark Taken down by the publisher' }),
    ).toBeInTheDocument();
  });

  it('shows the stored title of a bookmark not saved on this device, with a note', async () => {
    await seed(indexPage([summary('here')]));
    await addBookmark(await getDb(), 'elsewhere', 'Read on my phone', day(1));
    await openPage();

    const [entry] = items();
    const view = within(entry as HTMLElement);
    expect(view.getByRole('heading', { level: 2, name: 'Read on my phone' })).toBeInTheDocument();
    expect(view.queryByRole('link')).toBeNull();
    expect(view.getByText(/Not saved on this device/)).toBeInTheDocument();
  });

  it('removes an entry, says so and moves focus to its Undo', async () => {
    await seed(indexPage([summary('a'), summary('b')]));
    const db = await getDb();
    await addBookmark(db, 'a', 'Title a', day(1));
    await addBookmark(db, 'b', 'Title b', day(2));
    await openPage();

    const entryA = items()[1] as HTMLElement;
    await userEvent.click(within(entryA).getByRole('button', { name: 'Remove bookmark Title a' }));

    await waitFor(() => expect(items()).toHaveLength(1));
    expect(screen.queryByRole('link', { name: 'Title a' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Title b' })).toBeInTheDocument();
    expect(screen.getByText('Bookmark removed.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
  });

  it('shows a bookmark added on a card once the page is opened', async () => {
    await seed(indexPage([summary('a')]));
    await bookmarks.refresh();
    render(App);
    await userEvent.click(screen.getByRole('button', { name: 'Bookmark' }));
    await userEvent.click(screen.getByRole('link', { name: 'Bookmarks' }));
    await screen.findByRole('heading', { level: 1, name: 'Bookmarks' });
    expect(
      await within(screen.getByRole('main')).findByRole('link', { name: 'Title a' }),
    ).toBeInTheDocument();
  });
});
