// Debian's chromium (never a downloaded browser) and the flags it runs headless with here, for
// the e2e tests and the bench alike (flags found to work on the CI machine).

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Headless Chromium 156 still builds the address bar's WebUI popup for every new tab: a
  // renderer of its own loading a page of scripts while the tab's page loads, on the same two
  // cores. A headless browser has no address bar.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];
