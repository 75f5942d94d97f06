// The bench pages (bench/pages/*.html): built on their own, into the directory bench/run.mjs
// passes with --outDir, then served beside the app under /__bench/ so they share its origin and
// therefore its IndexedDB.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const pages = fileURLToPath(new URL('./pages/', import.meta.url));

export default defineConfig({
  root: pages,
  base: '/__bench/',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        seed: `${pages}seed.html`,
        sync: `${pages}sync.html`,
        'search-libraries': `${pages}search-libraries.html`,
      },
    },
  },
});
