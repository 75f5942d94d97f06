import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import InstallButton from '../../src/components/shell/InstallButton.svelte';
import IosInstallHint from '../../src/components/shell/IosInstallHint.svelte';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 ' +
  '(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 ' +
  '(KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1';

/** Chromium's install offer, as the browser fires it, with a choice the test settles. */
function offerInstall() {
  let settle: (choice: { outcome: 'accepted' | 'dismissed' }) => void = () => {};
  const userChoice = new Promise<{ outcome: 'accepted' | 'dismissed' }>((resolve) => {
    settle = resolve;
  });
  const prompt = vi.fn(async () => undefined);
  const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
    prompt,
    userChoice,
  });
  window.dispatchEvent(event);
  return { event, prompt, settle };
}

function pretendToBe(userAgent: string, standalone = false): void {
  Object.defineProperty(navigator, 'userAgent', { configurable: true, value: userAgent });
  Object.defineProperty(navigator, 'standalone', { configurable: true, value: standalone });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'userAgent');
  Reflect.deleteProperty(navigator, 'standalone');
  localStorage.clear();
});

describe('InstallButton', () => {
  it('appears when the browser offers to install, and opens its prompt', async () => {
    render(InstallButton);
    expect(screen.queryByRole('button', { name: 'Install app' })).toBeNull();

    const offer = offerInstall();
    // Kept for the app's own button: the browser's infobar stays away.
    expect(offer.event.defaultPrevented).toBe(true);
    await userEvent.click(await screen.findByRole('button', { name: 'Install app' }));
    expect(offer.prompt).toHaveBeenCalledTimes(1);

    offer.settle({ outcome: 'dismissed' });
    await vi.waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Install app' })).toBeNull(),
    );
  });

  it('goes away once the app is installed', async () => {
    render(InstallButton);
    offerInstall();
    await screen.findByRole('button', { name: 'Install app' });
    window.dispatchEvent(new Event('appinstalled'));
    await vi.waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Install app' })).toBeNull(),
    );
  });

  it('ignores an event that carries no prompt', async () => {
    render(InstallButton);
    window.dispatchEvent(new Event('beforeinstallprompt'));
    await tick();
    expect(screen.queryByRole('button', { name: 'Install app' })).toBeNull();
    // The same wait is enough for a real offer.
    offerInstall();
    await tick();
    expect(screen.getByRole('button', { name: 'Install app' })).toBeVisible();
  });
});

describe('IosInstallHint', () => {
  it('explains "Add to Home Screen" on iOS Safari until dismissed, for good', async () => {
    pretendToBe(IPHONE_SAFARI);
    const first = render(IosInstallHint);
    const hint = await screen.findByRole('complementary', { name: 'Install app' });
    expect(hint).toHaveTextContent('tap the Share button, then “Add to Home Screen”');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    first.unmount();

    // The next visit remembers.
    render(IosInstallHint);
    await tick();
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('stays away in the installed app, in other iOS browsers and elsewhere', async () => {
    // Safari in the browser is the control: the same wait shows the hint there.
    for (const [userAgent, standalone, shown] of [
      [IPHONE_SAFARI, false, true],
      [IPHONE_SAFARI, true, false],
      [IPHONE_CHROME, false, false],
      [navigator.userAgent, false, false],
    ] as const) {
      pretendToBe(userAgent, standalone);
      const view = render(IosInstallHint);
      await tick();
      expect(screen.queryByRole('complementary') !== null, userAgent).toBe(shown);
      view.unmount();
    }
  });
});
