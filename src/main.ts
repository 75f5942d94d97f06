import { mount } from 'svelte';
import './app.css';

// The entry script is the Svelte runtime and this start-up; the app, its state and Home are
// chunks that index.html fetches beside it (modulepreload, see vite.config.ts).
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const app = target;

void import('./lib/state/app').then(({ startApp }) => startApp());
// IndexedDB is read while a Spanish or Persian reader's strings load: English never flashes.
void Promise.all([
  import('./App.svelte'),
  import('./lib/state/locale.svelte').then(({ locale }) => locale.preload()),
]).then(([{ default: App }]) => mount(App, { target: app }));
