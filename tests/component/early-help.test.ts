import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { goTo } from './helpers';

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
  // First in its file: the start-up work that waits for the first paint has not run yet.
  it('opens when "?" is pressed before its chunk was fetched', async () => {
    goTo('/settings');
    render(App);
    await userEvent.setup().keyboard('?');
    expect(
      await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }, { timeout: 600 }),
    ).toBeInTheDocument();
  });
});
