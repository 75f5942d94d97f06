import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { goTo } from './helpers';

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
});
