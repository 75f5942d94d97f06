import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  // jsdom has no scrollTo; svelte-routing calls it on navigation. Node-environment tests
  // (the scripts) have no window at all.
  if (typeof window !== 'undefined') window.scrollTo = () => {};
});
