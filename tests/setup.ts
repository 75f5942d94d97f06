import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { configure } from '@testing-library/svelte';
import { beforeEach } from 'vitest';
import { loadPageMessages } from '../src/lib/i18n/catalog';

// Lazily loaded routes read IndexedDB and render a few ticks later; on two busy cores the
// default second is too short to be a fair wait.
configure({ asyncUtilTimeout: 5000 });

// The app loads the English strings of its views with the views (App.svelte); tests that render
// a view on its own have them from the start.
await loadPageMessages();

// Modules the app imports lazily as it starts (preferences, Home's Load older): loaded here, so
// that a test ending quickly does not leave their import running past its environment's
// teardown, which Vitest reports as an error of the whole run.
if (typeof window !== 'undefined') {
  await Promise.all([
    import('../src/lib/state/preferences.svelte'),
    import('../src/components/list/LoadOlder.svelte'),
  ]);
}

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  // jsdom has no scrollTo; svelte-routing calls it on navigation. Node-environment tests
  // (the scripts) have no window at all.
  if (typeof window !== 'undefined') window.scrollTo = () => {};
});
