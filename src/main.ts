import { hydrate, mount } from 'svelte';
import './app.css';
import { getDb } from './lib/db/open';

// The entry script is the Svelte runtime and this start-up; the app, its state and Home are
// chunks that index.html fetches beside it (modulepreload, see vite.config.ts).
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const app = target;

// Opening IndexedDB is the slowest step of a repeat visit (the first connection opens the store
// on disk): it starts here, while the app's code is still loading. A failure is reported by the
// first read that needs the connection.
void getDb().catch(() => undefined);
void import('./lib/shell/start').then(({ startApp }) => startApp());
// Home rendered by the service worker (src/lib/boot/) comes with the data it was rendered from:
// the state takes it, and the app hydrates the markup instead of drawing it again.
const rendered = document.getElementById('folio-first-screen');
const firstScreen = rendered ? import('./lib/boot/adopt').then(({ adopt }) => adopt(rendered)) : null;

// IndexedDB is read while a Spanish or Persian reader's strings load: English never flashes.
void Promise.all([
  import('./App.svelte'),
  import('./lib/state/locale.svelte').then(({ locale }) => locale.preload().then(() => locale)),
  firstScreen,
]).then(([{ default: App }, locale, adopted]) => {
  if (adopted && adopted.lang === locale.uiLang) {
    hydrate(App, { target: app });
  } else {
    app.replaceChildren();
    mount(App, { target: app });
  }
});
