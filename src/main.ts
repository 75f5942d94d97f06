import { mount } from 'svelte';
import './app.css';
import { getDb } from './lib/db/open';
import { FIRST_SCREEN_ATTRIBUTE } from './lib/shell/first-screen-marker';
import { firstContentPainted } from './lib/shell/first-content';

// The entry script is the Svelte runtime and this start-up; the app, its state and Home are
// chunks that index.html fetches beside it (modulepreload, see vite.config.ts).
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const app = target;

// Home's first screen as the service worker saved it (src/lib/shell/first-screen.ts) may already
// be painted. It becomes a still picture over the app, which mounts under it, out of reach of
// pointer, keyboard and screen reader (its ids go, so that none is found twice), and is removed
// once the app's own first screen is painted.
const saved = app.querySelector<HTMLElement>(`[${FIRST_SCREEN_ATTRIBUTE}]`);
if (saved) {
  saved.inert = true;
  saved.setAttribute('aria-hidden', 'true');
  for (const element of saved.querySelectorAll('[id]')) element.removeAttribute('id');
  void firstContentPainted.then(() => saved.remove());
}

// Opening IndexedDB is the slowest step of a repeat visit (the first connection opens the store
// on disk): it starts here, while the app's code is still loading. A failure is reported by the
// first read that needs the connection.
void getDb().catch(() => undefined);
void import('./lib/shell/start').then(({ startApp }) => startApp());
// IndexedDB is read while a Spanish or Persian reader's strings load: English never flashes.
void Promise.all([
  import('./App.svelte'),
  import('./lib/state/locale.svelte').then(({ locale }) => locale.preload()),
]).then(([{ default: App }]) => mount(App, { target: app }));
