import { hydrate, mount } from 'svelte';
import './app.css';
import { getDb } from './lib/db/open';
import { holdEarlyTaps } from './lib/boot/early-taps';
import { FIRST_SCREEN_DATA_ID, markStartedFromMarkup } from './lib/boot/hydration';

// How a start works: src/lib/boot/README.md. The entry script is the Svelte runtime and this
// start-up; the app, its state and Home are chunks fetched beside it (modulepreload).
const target = document.getElementById('app');
if (!target) throw new Error('No #app in index.html');
const app = target;

// Home rendered by the service worker comes with the data it was rendered from.
const rendered = document.getElementById(FIRST_SCREEN_DATA_ID);
const replayTaps = rendered ? holdEarlyTaps(app) : () => {};

// Opening IndexedDB is the slowest step of a repeat visit (the first connection opens the store
// on disk): it starts here, while the app's code is still loading. A failure is reported by the
// first read that needs the connection.
void getDb().catch(() => undefined);
// The state takes the data the first screen was rendered from, and start-up does not read it again.
const adopted = import('./lib/boot/start').then(({ adopt, startApp }) => {
  const lang = rendered ? adopt(rendered) : null;
  void startApp(lang !== null);
  return lang;
});

// IndexedDB is read while a Spanish or Persian reader's strings load: English never flashes.
void Promise.all([
  import('./App.svelte'),
  import('./lib/state/locale.svelte').then(({ locale }) => locale.preload().then(() => locale)),
  adopted,
]).then(([{ default: App }, locale, lang]) => {
  if (lang !== null && lang === locale.uiLang) {
    markStartedFromMarkup();
    hydrate(App, { target: app });
    performance.mark('folio:hydrated');
  } else {
    // Rendered in another language than this page would show (the reader changed it in a tab
    // the worker has not heard from): drawn again, once.
    app.replaceChildren();
    mount(App, { target: app });
  }
  replayTaps();
});
