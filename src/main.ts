import { hydrate, mount } from 'svelte';
import './app.css';
import { getDb } from './lib/db/open';
import { afterNextPaint } from './lib/ui/after-paint';

// The entry script is the Svelte runtime and this start-up; the app, its state and Home are
// chunks that index.html fetches beside it (modulepreload, see vite.config.ts).
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const app = target;

// Home rendered by the service worker (src/lib/boot/) is painted before any of this runs: the
// page's work starts in a task after that first frame, so that it never holds the paint back.
const rendered = document.getElementById('folio-first-screen');
const painted = rendered ? afterNextPaint() : Promise.resolve();

void painted.then(start);

function start(): void {
  // Opening IndexedDB is the slowest step of a repeat visit (the first connection opens the store
  // on disk): it starts here, while the app's code is still loading. A failure is reported by the
  // first read that needs the connection.
  void getDb().catch(() => undefined);
  void import('./lib/shell/start').then(({ startApp }) => startApp());
  // The state takes the data the first screen was rendered from, and the app hydrates the markup.
  const firstScreen = rendered
    ? import('./lib/boot/adopt').then(({ adopt }) => adopt(rendered))
    : null;

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
}
