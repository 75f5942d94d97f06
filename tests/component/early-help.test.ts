import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { indexPage, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

// The first screen never finishes painting in this file: the start-up work that waits for it
// (fetching the help dialog's chunk among it) does not run, whatever ran before and however long
// the test takes. Only the reader's "?" can bring the dialog.
vi.mock('../../src/lib/boot/first-content', () => ({
  firstContentPainted: new Promise<void>(() => {}),
  contentShown: () => {},
}));

beforeAll(() => {
  // jsdom implements <dialog> without its browser behaviour: the platform edge, filled in here.
  const proto = HTMLDialogElement.prototype;
  if (typeof proto.showModal !== 'function') {
    proto.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  }
});

describe('Shortcut help before the first screen has painted', () => {
  it('opens when "?" is pressed before its chunk was fetched', async () => {
    goTo('/settings');
    render(App);
    await userEvent.setup().keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it('j and k move between cards when pressed before the commands’ chunk was fetched', async () => {
    await seed(
      indexPage([
        summary('one', { published: '2026-11-02T08:00:00Z', updated: '2026-11-02T08:00:00Z' }),
        summary('two', { published: '2026-11-01T08:00:00Z', updated: '2026-11-01T08:00:00Z' }),
      ]),
    );
    goTo('/');
    render(App);
    await screen.findAllByRole('article');
    const user = userEvent.setup();
    await user.keyboard('jj');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Title two' })).toHaveFocus());
    await user.keyboard('k');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Title one' })).toHaveFocus());
  });
});
