import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { addBookmark, getDb } from '../../src/lib/db';
import { bookmarks } from '../../src/lib/state/bookmarks.svelte';
import { requestSync } from '../../src/lib/sync/client';
import { indexPage, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

// An import that adds bookmarks asks for a sync, to save their full texts: recorded here, not
// run, so that no sync outlives its test (the teardown closes the database under it) or reaches
// the network.
vi.mock('../../src/lib/sync/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/lib/sync/client')>()),
  requestSync: vi.fn(async () => {}),
}));
beforeEach(() => vi.mocked(requestSync).mockClear());

const day = (n: number) => Date.UTC(2026, 10, n, 12);

async function openPage(): Promise<void> {
  await Promise.all([bookmarks.refresh(), bookmarks.loadList()]);
  goTo('/bookmarks');
  render(App);
  await screen.findByRole('heading', { level: 1, name: 'Bookmarks' });
}

function listedTitles(): string[] {
  return within(screen.getByRole('main'))
    .queryAllByRole('listitem')
    .map((item) => within(item).getByRole('heading', { level: 2 }).textContent ?? '');
}

function jsonFile(data: unknown, name = 'bookmarks.json'): File {
  return new File([typeof data === 'string' ? data : JSON.stringify(data)], name, {
    type: 'application/json',
  });
}

describe('Bookmarks export', () => {
  const created: Blob[] = [];
  const clicked: { download: string; href: string }[] = [];

  beforeEach(() => {
    created.length = 0;
    clicked.length = 0;
    // jsdom implements neither object URLs nor downloads: record what the browser would get.
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:folio-test';
    };
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.href });
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('downloads folio-bookmarks.json with every bookmark, newest first, titled', async () => {
    await seed(indexPage([summary('a'), summary('b')]));
    const db = await getDb();
    await addBookmark(db, 'a', 'Title a', day(1));
    await addBookmark(db, 'b', 'Title b', day(2));
    await openPage();

    await userEvent.click(screen.getByRole('button', { name: 'Export bookmarks' }));

    await waitFor(() =>
      expect(clicked).toEqual([{ download: 'folio-bookmarks.json', href: 'blob:folio-test' }]),
    );
    expect(created).toHaveLength(1);
    const file: unknown = JSON.parse(await (created[0] as Blob).text());
    expect(file).toEqual({
      app: 'folio',
      kind: 'bookmarks',
      version: 2,
      bookmarks: [
        { id: 'b', bookmarkedAt: new Date(day(2)).toISOString(), title: 'Title b' },
        { id: 'a', bookmarkedAt: new Date(day(1)).toISOString(), title: 'Title a' },
      ],
      reads: [],
      highlights: [],
    });
  });
});

describe('Bookmarks import', () => {
  const importInput = () => screen.getByLabelText('Import bookmarks from a file');

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("opens the file chooser from a named button, never showing the browser's own control", async () => {
    await seed(indexPage([summary('a')]));
    await openPage();
    const opened: HTMLInputElement[] = [];
    // jsdom opens no chooser: record which control the button asked to open.
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
      this: HTMLInputElement,
    ) {
      opened.push(this);
    });

    const button = screen.getByRole('button', { name: 'Import bookmarks from a file' });
    expect(button).toHaveClass('tool');
    expect(screen.getByRole('button', { name: 'Export bookmarks' })).toHaveClass('tool');
    await userEvent.click(button);

    expect(opened).toHaveLength(1);
    const input = opened[0] as HTMLInputElement;
    expect(input).toBe(importInput());
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', 'application/json,.json');
    // Out of sight and out of the tab order: the button is the one control a reader meets.
    expect(input).toHaveClass('visually-hidden');
    expect(input).toHaveAttribute('tabindex', '-1');
    await userEvent.tab();
    expect(input).not.toHaveFocus();

    // What is chosen through it is imported.
    await userEvent.upload(
      input,
      jsonFile({
        app: 'folio',
        kind: 'bookmarks',
        version: 1,
        bookmarks: [{ id: 'a', bookmarkedAt: new Date(day(2)).toISOString(), title: 'Title a' }],
      }),
    );
    await screen.findByText('1 bookmark added.');
    await waitFor(() => expect(listedTitles()).toEqual(['Title a']));
  });

  it('merges a file, keeping what is there, and reports the counts', async () => {
    await seed(indexPage([summary('a'), summary('b')]));
    await addBookmark(await getDb(), 'a', 'Title a', day(1));
    await openPage();

    await userEvent.upload(
      importInput(),
      jsonFile({
        app: 'folio',
        kind: 'bookmarks',
        version: 1,
        bookmarks: [
          { id: 'a', bookmarkedAt: new Date(day(9)).toISOString(), title: 'Title a' },
          { id: 'b', bookmarkedAt: new Date(day(2)).toISOString(), title: 'Title b' },
        ],
      }),
    );

    await waitFor(() =>
      expect(screen.getByText('1 bookmark added; 1 was already here.')).toHaveAttribute(
        'role',
        'status',
      ),
    );
    await waitFor(() => expect(listedTitles()).toEqual(['Title b', 'Title a']));
    // The existing bookmark kept its own date rather than the file's.
    const first = within(screen.getAllByRole('listitem')[1] as HTMLElement);
    expect(first.getByText('Bookmarked November 1, 2026')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the title from the file for an article not saved on this device', async () => {
    await seed(indexPage([summary('a')]));
    await openPage();

    await userEvent.upload(
      importInput(),
      jsonFile({
        app: 'folio',
        kind: 'bookmarks',
        version: 1,
        bookmarks: [{ id: 'far', bookmarkedAt: new Date(day(2)).toISOString(), title: 'Far away' }],
      }),
    );

    await screen.findByText('1 bookmark added.');
    await waitFor(() => expect(listedTitles()).toEqual(['Far away']));
    expect(screen.getByText(/Not saved on this device/)).toBeInTheDocument();
    expect(requestSync).toHaveBeenCalledOnce();
  });

  it.each([
    ['a file that is not JSON', 'not json {', 'The file is not JSON.'],
    [
      'a JSON file of another kind',
      { app: 'folio', kind: 'settings', version: 1, bookmarks: [] },
      'This is not a Folio bookmarks file (kind: must be "bookmarks").',
    ],
    [
      'a bookmarks file with a bad entry',
      {
        app: 'folio',
        kind: 'bookmarks',
        version: 1,
        bookmarks: [
          { id: 'b', bookmarkedAt: new Date(day(2)).toISOString() },
          { id: 'Not An Id', bookmarkedAt: new Date(day(2)).toISOString() },
        ],
      },
      'This is not a Folio bookmarks file (bookmarks[1].id: is not an article id).',
    ],
  ])('reports %s clearly and changes nothing', async (_what, content, detail) => {
    await seed(indexPage([summary('a'), summary('b')]));
    await addBookmark(await getDb(), 'a', 'Title a', day(1));
    await openPage();

    await userEvent.upload(importInput(), jsonFile(content));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This file could not be imported. Your bookmarks are unchanged.',
    );
    expect(within(alert).getByText(detail)).toBeInTheDocument();
    await Promise.all([bookmarks.refresh(), bookmarks.loadList()]);
    expect(listedTitles()).toEqual(['Title a']);
    expect(requestSync).not.toHaveBeenCalled();
  });
});

describe('Bookmarks in other tabs', () => {
  afterEach(() => {
    bookmarks.stop();
  });

  it('shows a bookmark made in another tab at once', async () => {
    await seed(indexPage([summary('a')]));
    await bookmarks.start();
    render(App);
    const card = within(screen.getByRole('article', { name: 'Title a' }));
    expect(card.getByRole('button', { name: 'Bookmark' })).toHaveAttribute('aria-pressed', 'false');

    // Another tab: its own write to the shared database, then its announcement.
    await addBookmark(await getDb(), 'a', 'Title a');
    const otherTab = new BroadcastChannel('folio-bookmarks');
    otherTab.postMessage({ type: 'bookmarks-changed' });
    otherTab.close();

    expect(await card.findByRole('button', { name: 'Remove bookmark' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('tells other tabs when a bookmark changes here', async () => {
    await seed(indexPage([summary('a')]));
    await bookmarks.start();
    const heard: unknown[] = [];
    const otherTab = new BroadcastChannel('folio-bookmarks');
    otherTab.onmessage = (event: MessageEvent<unknown>) => heard.push(event.data);
    render(App);

    await userEvent.click(screen.getByRole('button', { name: 'Bookmark' }));
    await waitFor(() => expect(heard).toEqual([{ type: 'bookmarks-changed' }]));
    await userEvent.click(screen.getByRole('button', { name: 'Remove bookmark' }));
    await waitFor(() => expect(heard).toHaveLength(2));
    otherTab.close();
  });
});
