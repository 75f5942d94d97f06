import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { addBookmark, getBookmark, getDb } from '../../src/lib/db';
import { bookmarks } from '../../src/lib/state/bookmarks.svelte';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

const day = (n: number) => Date.UTC(2026, 10, n, 12);

async function openPage(): Promise<void> {
  await Promise.all([bookmarks.refresh(), bookmarks.loadList()]);
  goTo('/bookmarks');
  render(App);
  await screen.findByRole('heading', { level: 1, name: 'Bookmarks' });
}

function items(): HTMLElement[] {
  return within(screen.getByRole('main')).queryAllByRole('listitem');
}

function listedTitles(): string[] {
  return items().map((item) => within(item).getByRole('heading', { level: 2 }).textContent ?? '');
}

function removeButton(title: string): HTMLElement {
  return screen.getByRole('button', { name: `Remove bookmark ${title}` });
}

function jsonFile(data: unknown): File {
  return new File([JSON.stringify(data)], 'bookmarks.json', { type: 'application/json' });
}

describe('Undo on the Bookmarks page', () => {
  it('puts a removed bookmark back in its place, with its own date, and focuses its link', async () => {
    await seed(indexPage([summary('a'), summary('b'), summary('c')]));
    const db = await getDb();
    await addBookmark(db, 'a', 'Title a', day(1));
    await addBookmark(db, 'b', 'Title b', day(2));
    await addBookmark(db, 'c', 'Title c', day(3));
    await openPage();
    expect(listedTitles()).toEqual(['Title c', 'Title b', 'Title a']);

    await userEvent.click(removeButton('Title b'));
    await waitFor(() => expect(listedTitles()).toEqual(['Title c', 'Title a']));
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo).toHaveFocus();
    expect(undo).toHaveAccessibleDescription('Bookmark removed.');
    expect(bookmarks.has('b')).toBe(false);

    await userEvent.click(undo);

    await waitFor(() => expect(listedTitles()).toEqual(['Title c', 'Title b', 'Title a']));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Title b' })).toHaveFocus());
    expect((await getBookmark(await getDb(), 'b'))?.createdAt).toBe(day(2));
    expect(
      within(items()[1] as HTMLElement).getByText('Bookmarked November 2, 2026'),
    ).toBeVisible();
    expect(bookmarks.has('b')).toBe(true);
    // The message went with its Undo.
    expect(screen.queryByText('Bookmark removed.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('brings back the last bookmark after the page said there were none', async () => {
    await seed(indexPage([summary('a')]));
    await addBookmark(await getDb(), 'a', 'Title a', day(1));
    await openPage();

    await userEvent.click(removeButton('Title a'));
    await screen.findByText(/No bookmarks yet/);
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));

    const link = await screen.findByRole('link', { name: 'Title a' });
    await waitFor(() => expect(link).toHaveFocus());
    expect(screen.queryByText(/No bookmarks yet/)).toBeNull();
  });

  it('restores a withdrawn bookmark with the saved copy that went with it', async () => {
    await seed(indexPage([summary('gone')]), [articleFile('gone')]);
    await addBookmark(await getDb(), 'gone', 'Title gone', day(1));
    await seed(indexPage([], { removed: ['gone'] }));
    await openPage();

    await userEvent.click(removeButton('Title gone'));
    await waitFor(() => expect(items()).toHaveLength(0));
    // Removing it let its saved copy go.
    expect(await (await getDb()).get('articles', 'gone')).toBeUndefined();

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    const link = await screen.findByRole('link', { name: 'Title gone' });
    expect(screen.getByText(/Withdrawn by the publisher/)).toBeInTheDocument();
    expect((await getBookmark(await getDb(), 'gone'))?.state).toBe('withdrawn');
    await userEvent.click(link);
    expect(await screen.findByText('Body of gone')).toBeInTheDocument();
  });

  it('moves focus to the remove button of a restored entry that has no link', async () => {
    await seed(indexPage([summary('a')]));
    await addBookmark(await getDb(), 'far', 'Read elsewhere', day(1));
    await openPage();

    await userEvent.click(removeButton('Read elsewhere'));
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }));

    await waitFor(() => expect(removeButton('Read elsewhere')).toHaveFocus());
  });

  it('drops the removal message and its Undo once an import finishes', async () => {
    await seed(indexPage([summary('a'), summary('b')]));
    const db = await getDb();
    await addBookmark(db, 'a', 'Title a', day(1));
    await addBookmark(db, 'b', 'Title b', day(2));
    await openPage();

    await userEvent.click(removeButton('Title a'));
    await screen.findByText('Bookmark removed.');

    await userEvent.upload(
      screen.getByLabelText('Import bookmarks from a file'),
      jsonFile({
        app: 'folio',
        kind: 'bookmarks',
        version: 1,
        bookmarks: [{ id: 'b', bookmarkedAt: new Date(day(2)).toISOString(), title: 'Title b' }],
      }),
    );

    expect(await screen.findByText('0 bookmarks added; 1 was already here.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(screen.queryByText('Bookmark removed.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    // Only the import's own message is left to read.
    const messages = screen
      .getAllByRole('status')
      .map((status) => status.textContent?.trim())
      .filter(Boolean);
    expect(messages).toContain('0 bookmarks added; 1 was already here.');
    expect(messages).not.toContain('Bookmark removed.');
  });

  it("drops an import's message when a bookmark is removed after it", async () => {
    await seed(indexPage([summary('a')]));
    await openPage();

    await userEvent.upload(
      screen.getByLabelText('Import bookmarks from a file'),
      jsonFile({
        app: 'folio',
        kind: 'bookmarks',
        version: 1,
        bookmarks: [{ id: 'a', bookmarkedAt: new Date(day(2)).toISOString(), title: 'Title a' }],
      }),
    );
    await screen.findByText('1 bookmark added.');
    await userEvent.click(await screen.findByRole('button', { name: 'Remove bookmark Title a' }));

    await screen.findByText('Bookmark removed.');
    expect(screen.queryByText('1 bookmark added.')).toBeNull();
  });
});
