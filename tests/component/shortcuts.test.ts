import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { bookmarkedIds, getDb } from '../../src/lib/db';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

/** Waits until the bookmark writes have landed, so none outlives its test's database. */
async function expectSaved(ids: string[]): Promise<void> {
  await waitFor(async () => expect([...(await bookmarkedIds(await getDb()))]).toEqual(ids));
}

beforeAll(() => {
  // jsdom implements <dialog> without its browser behaviour: the platform edge, filled in here.
  const proto = HTMLDialogElement.prototype;
  if (typeof proto.showModal !== 'function') {
    proto.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    proto.close = function (this: HTMLDialogElement) {
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  }
});

afterEach(() => {
  Reflect.deleteProperty(window, 'matchMedia');
  Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
});

/** jsdom has neither media queries nor scrolling: both stubbed, the scrolls recorded. */
function stubPlatform(reducedMotion: boolean) {
  const scrolls = vi.fn();
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: reducedMotion && query === '(prefers-reduced-motion: reduce)',
      media: query,
    }),
  });
  Object.defineProperty(Element.prototype, 'scrollIntoView', {
    configurable: true,
    value: function (this: Element, options: ScrollIntoViewOptions) {
      scrolls(this.textContent, options);
    },
  });
  return scrolls;
}

async function showList() {
  const dated = (id: string, day: number) =>
    summary(id, { published: `2026-11-0${day}T08:00:00Z`, updated: `2026-11-0${day}T08:00:00Z` });
  // Newest first: one, two, three.
  await seed(indexPage([dated('one', 3), dated('two', 2), dated('three', 1)]), [
    articleFile('one'),
  ]);
  goTo('/');
  render(App);
  await screen.findAllByRole('article');
  return userEvent.setup();
}

const titleLink = (title: string) => screen.getByRole('link', { name: title });

describe('Keyboard shortcuts', () => {
  it('j and k move focus between the cards’ title links', async () => {
    const user = await showList();
    await user.keyboard('j');
    expect(titleLink('Title one')).toHaveFocus();
    await user.keyboard('j');
    expect(titleLink('Title two')).toHaveFocus();
    await user.keyboard('jj');
    expect(titleLink('Title three')).toHaveFocus();
    await user.keyboard('k');
    expect(titleLink('Title two')).toHaveFocus();
    await user.keyboard('kk');
    expect(titleLink('Title one')).toHaveFocus();
  });

  it('o opens the focused card', async () => {
    const user = await showList();
    await user.keyboard('o');
    expect(location.pathname).toBe('/');
    await user.keyboard('jo');
    expect(await screen.findByRole('heading', { level: 1, name: 'Title one' })).toBeInTheDocument();
    expect(location.pathname).toBe('/article/one');
  });

  it('b bookmarks the focused card, even from its bookmark button', async () => {
    const user = await showList();
    const bookmarkOf = (title: string) =>
      within(screen.getByRole('article', { name: title })).getByRole('button', {
        name: /bookmark/i,
      });
    const button = bookmarkOf('Title two');
    await user.keyboard('jj');
    await user.keyboard('b');
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'));
    expect(button).toHaveAccessibleName('Remove bookmark');
    await expectSaved(['two']);
    expect(bookmarkOf('Title one')).toHaveAttribute('aria-pressed', 'false');
    expect(bookmarkOf('Title three')).toHaveAttribute('aria-pressed', 'false');

    button.focus();
    await user.keyboard('b');
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'false'));
    await expectSaved([]);
  });

  it('b does nothing on a list with no card focused', async () => {
    const user = await showList();
    await user.keyboard('b');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const pressed = screen
      .getAllByRole('button', { name: /bookmark/i })
      .filter((button) => button.getAttribute('aria-pressed') === 'true');
    expect(pressed).toEqual([]);
    await expectSaved([]);
  });

  it('b bookmarks the article on its own page', async () => {
    await seed(indexPage([summary('one')]), [articleFile('one')]);
    goTo('/article/one');
    render(App);
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'Bookmark' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.keyboard('b');
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'));
    await expectSaved(['one']);
  });

  it('are ignored while typing in a field and with Ctrl, Alt or Meta', async () => {
    const user = await showList();
    const field = document.createElement('input');
    field.setAttribute('aria-label', 'Search');
    document.body.append(field);
    try {
      await user.click(field);
      await user.keyboard('j?');
      expect(field).toHaveFocus();
      expect(field).toHaveValue('j?');
      expect(screen.queryByRole('dialog')).toBeNull();

      field.blur();
      await user.keyboard('{Control>}j{/Control}{Alt>}j{/Alt}{Meta>}j{/Meta}');
      expect(titleLink('Title one')).not.toHaveFocus();
      await user.keyboard('j');
      expect(titleLink('Title one')).toHaveFocus();
    } finally {
      field.remove();
    }
  });

  it('? shows the help dialog; Close hides it and gives focus back', async () => {
    const user = await showList();
    await user.keyboard('jj');
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const help = within(dialog);
    expect(help.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    expect(help.getByText('Next article in the list')).toBeInTheDocument();
    expect(help.getByText('Previous article in the list')).toBeInTheDocument();
    expect(help.getByText('Open the selected article')).toBeInTheDocument();
    expect(help.getByText('Bookmark or unbookmark the article')).toBeInTheDocument();
    expect(help.getByText('Show these shortcuts')).toBeInTheDocument();

    // The page behind the dialog takes no shortcuts.
    await user.keyboard('j');
    expect(titleLink('Title two')).toHaveFocus();
    await user.click(help.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(titleLink('Title two')).toHaveFocus();
  });

  it('scrolls the focused card into view, smoothly unless the reader asks for less motion', async () => {
    const smooth = stubPlatform(false);
    let user = await showList();
    await user.keyboard('j');
    expect(smooth).toHaveBeenCalledWith('Title one', { block: 'nearest', behavior: 'smooth' });

    const instant = stubPlatform(true);
    await user.keyboard('j');
    expect(instant).toHaveBeenCalledWith('Title two', { block: 'nearest', behavior: 'instant' });
    expect(instant).not.toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ behavior: 'smooth' }),
    );
    user = userEvent.setup();
    await user.keyboard('k');
    expect(instant).toHaveBeenLastCalledWith('Title one', {
      block: 'nearest',
      behavior: 'instant',
    });
  });
});
