import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { addBookmark, getDb, getStorageSettings } from '../../src/lib/db';
import { locale } from '../../src/lib/state/locale.svelte';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { networkDown } from '../fixtures/network';
import { goTo, seed } from './helpers';

const persist = vi.fn(async () => true);

beforeEach(() => {
  persist.mockClear();
  // jsdom has no StorageManager: a fake of the platform edge.
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: {
      persist,
      persisted: async () => false,
      estimate: async () => ({ usage: 2_500_000, quota: 1_000_000_000 }),
    },
  });
  // Changing the rule asks for a sync; the network is unreachable here.
  vi.stubGlobal('fetch', networkDown);
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
  vi.unstubAllGlobals();
  locale.followFeed();
});

async function seedThree(): Promise<void> {
  await seed(indexPage([summary('one'), summary('two'), summary('three')]), [
    articleFile('one'),
    articleFile('two'),
    articleFile('three'),
  ]);
}

/** The settings page is a chunk of its own: waits for it to render. */
async function storageSection() {
  return within(await screen.findByRole('region', { name: 'Storage' }));
}

describe('Settings: storage', () => {
  it('shows space used and available, saved articles and persistence', async () => {
    await seedThree();
    goTo('/settings');
    render(App);
    const section = await storageSection();
    expect(await section.findByText('2.5 MB used, 998 MB available')).toBeInTheDocument();
    expect(await section.findByText('3 articles saved for offline reading')).toBeInTheDocument();
    const ask = await section.findByRole('button', { name: 'Keep saved articles for good' });
    await userEvent.setup().click(ask);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(
      await section.findByText(/kept even when the device runs short of space/),
    ).toBeInTheDocument();
  });

  it('formats sizes for the UI language', async () => {
    await seedThree();
    locale.choose('es');
    goTo('/settings');
    render(App);
    const section = within(await screen.findByRole('region', { name: 'Almacenamiento' }));
    expect(await section.findByText(/2,5 MB usados/)).toBeInTheDocument();
  });

  it('remembers how many articles to keep, where sync reads it', async () => {
    await seedThree();
    goTo('/settings');
    render(App);
    const select = (await storageSection()).getByRole('combobox', {
      name: /Articles to keep saved/,
    });
    expect(select).toHaveValue('200');
    await userEvent.setup().selectOptions(select, '50');
    await waitFor(async () => expect((await getStorageSettings(await getDb())).retention).toBe(50));
    await userEvent.setup().selectOptions(select, 'all');
    await waitFor(async () =>
      expect((await getStorageSettings(await getDb())).retention).toBe('all'),
    );
  });

  it('saves a chosen category for offline, listed and stored where sync reads it', async () => {
    await seedThree();
    goTo('/settings');
    render(App);
    const user = userEvent.setup();
    const section = await storageSection();
    const select = section.getByRole('combobox', { name: 'Save this category for offline' });
    const save = section.getByRole('button', { name: 'Save category' });
    expect(save).toBeDisabled();
    await user.selectOptions(select, 'political');
    expect(save).toBeEnabled();
    await user.click(save);
    const kept = await section.findByRole('list', { name: 'Categories saved for offline' });
    expect(within(kept).getByText('Political')).toBeInTheDocument();
    await waitFor(async () =>
      expect((await getStorageSettings(await getDb())).keepCategories).toEqual(['political']),
    );
    // The picker is ready for the next one.
    expect(select).toHaveValue('');
    expect(save).toBeDisabled();
  });

  it('offers on/off settings as switches, each a checkbox reachable by its name', async () => {
    await seedThree();
    goTo('/settings');
    render(App);
    const user = userEvent.setup();
    const section = await storageSection();
    const older = await section.findByRole('switch', {
      name: 'Save older pages in the background',
    });
    expect(older).toHaveAttribute('type', 'checkbox');
    expect(older).not.toBeChecked();
    await user.click(older);
    expect(older).toBeChecked();
    await waitFor(async () =>
      expect((await getStorageSettings(await getDb())).crawlOlder).toBe(true),
    );

    const download = section.getByRole('switch', { name: 'Download full articles on mobile data' });
    expect(download).toHaveAttribute('type', 'checkbox');
    expect(download).toBeChecked();
    expect(download).toHaveAccessibleDescription(/only bookmarked articles/);
    // The label is the switch's whole row: a tap on its text turns it off.
    await user.click(section.getByText('Download full articles on mobile data'));
    expect(download).not.toBeChecked();
    await waitFor(async () =>
      expect((await getStorageSettings(await getDb())).download).toBe('not-on-save-data'),
    );
    await user.keyboard(' ');
    expect(download).toBeChecked();
    await waitFor(async () =>
      expect((await getStorageSettings(await getDb())).download).toBe('always'),
    );
  });

  it('clears saved articles after a confirmation, keeping bookmarks', async () => {
    await seedThree();
    await addBookmark(await getDb(), 'two');
    goTo('/settings');
    render(App);
    const user = userEvent.setup();
    const section = await storageSection();
    await section.findByText('3 articles saved for offline reading');

    await user.click(section.getByRole('button', { name: 'Clear saved articles' }));
    const confirm = section.getByRole('group', {
      name: 'Delete every saved article except your bookmarks?',
    });
    expect(within(confirm).getByRole('button', { name: 'Clear them' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(section.getByText('3 articles saved for offline reading')).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Clear saved articles' }));
    await user.click(section.getByRole('button', { name: 'Clear them' }));
    expect(
      await section.findByText('Saved articles cleared. Your bookmarks are still here.'),
    ).toBeInTheDocument();
    expect(await section.findByText('1 article saved for offline reading')).toBeInTheDocument();
    expect(await (await getDb()).getAllKeys('articles')).toEqual(['two']);
  });
});

// Cards mark the articles whose full text is not saved yet (the shell's compact cards dropped
// the "Saved for offline" badge: what is saved is the rule, what is not the exception).
describe('Not saved for offline marker', () => {
  it('marks the cards of articles not saved only', async () => {
    await seed(indexPage([summary('one'), summary('two')]), [articleFile('one')]);
    render(App);
    const one = within(await screen.findByRole('article', { name: 'Title one' }));
    const two = within(screen.getByRole('article', { name: 'Title two' }));
    expect(two.getByText('Not saved for offline yet')).toBeInTheDocument();
    expect(one.queryByText('Not saved for offline yet')).not.toBeInTheDocument();
  });

  it('speaks the UI language', async () => {
    await seed(indexPage([summary('one'), summary('two')]), [articleFile('one')]);
    locale.choose('es');
    render(App);
    const two = await screen.findByRole('article', { name: 'Título two' });
    expect(
      await within(two).findByText('Aún no guardado para leer sin conexión'),
    ).toBeInTheDocument();
  });
});
