import path from 'node:path';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { folioHeaders } from './scripts/lib/vite-plugin-headers.mjs';
import { firstPaint } from './scripts/lib/vite-plugin-preload.mjs';
import { precompress } from './scripts/lib/vite-plugin-precompress.mjs';
import { firstPaintFiles } from './scripts/check-size.mjs';

// Re-export-only modules: Rolldown loads from them only what is used (see rolldownOptions).
const BARRELS = /src[\\/]lib[\\/](db|feed|sync)[\\/]index\.ts$/;

// The entry script is the Svelte runtime and src/main.ts; the app with Home and its state is one
// chunk that index.html fetches beside it (see the plugin).
const shell = firstPaint({
  entry: 'src/main.ts',
  modules: ['src/App.svelte', 'src/lib/boot/start.ts'],
  barrels: BARRELS,
});

// vite-plugin-pwa 2.0.0 builds src/sw.ts as one file with `output.inlineDynamicImports: true`,
// written into its own Vite config with no option to change it, which Rolldown (Vite 8) reports
// as deprecated. This plugin, run in that build only (injectManifest.buildPlugins.vite), asks
// for the same single file the current way: `codeSplitting: false`.
function swCodeSplitting(): Plugin {
  return {
    name: 'folio-sw-code-splitting',
    config(config) {
      const output = config.build?.rollupOptions?.output;
      if (output && !Array.isArray(output) && output.inlineDynamicImports) {
        delete output.inlineDynamicImports;
        output.codeSplitting = false;
      }
      if (process.env.FOLIO_SW_DEBUG) config.build = { ...config.build, minify: false };
      // Svelte's server runtime (its 'worker' export), to render Home's first screen.
      config.resolve = { ...config.resolve, conditions: ['worker', ...defaultClientConditions] };
    },
    // A classic worker has no import.meta, which Vite's preload helper and the search worker's
    // address read (code the worker bundles but never runs).
    renderChunk(code) {
      return code
        .replaceAll('import.meta.resolve', 'undefined')
        .replaceAll('import.meta.url', 'self.location.href');
    },
  };
}

// The worker renders Home only, where every lazily imported component (other pages, dialogs,
// toasts, "Load older") shows its {#await} pending branch, which is empty: their code would only
// make the worker slower to start. In its build, a dynamic import of a component never settles.
function swHomeOnly(): Plugin {
  return {
    name: 'folio-sw-home-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.svelte')) return null;
      return code.replace(/import\((['"])[^'"]+\.svelte\1\)/g, 'new Promise<never>(() => {})');
    },
  };
}

// Where this build writes (`--outDir` included), for the precache list below.
let outDir = 'dist';

export default defineConfig({
  plugins: [
    svelte(),
    { name: 'folio-out-dir', configResolved: (config) => void (outDir = config.build.outDir) },
    shell.plugin,
    // The Content-Security-Policy follows the feed and comment hosts chosen at build time.
    folioHeaders({
      feedUrl: process.env.VITE_FEED_URL,
      commentsUrl: process.env.VITE_COMMENTS_URL,
    }),
    // .br and .gz copies of the hashed assets, for `npm start`.
    precompress(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      // The page registers the worker itself through workbox-window (src/lib/sync/client.ts).
      injectRegister: false,
      manifest: {
        name: 'Folio',
        short_name: 'Folio',
        description: "Read the publisher's articles offline, in your language.",
        theme_color: '#1f3a5f',
        background_color: '#fbfaf7',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        lang: 'en',
        dir: 'ltr',
        // Made from public/icons/icon.svg by `npm run icons`; relative, so any base works.
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/icon-512-maskable.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
        shortcuts: [
          {
            name: 'Bookmarks',
            short_name: 'Bookmarks',
            description: 'Your bookmarked articles, kept offline',
            url: 'bookmarks',
            icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
      },
      // The icons are the system's, read at install time, never by the page offline.
      includeManifestIcons: false,
      injectManifest: {
        buildPlugins: {
          vite: [
            svelte({ dynamicCompileOptions: () => ({ generate: 'server' }) }),
            swHomeOnly(),
            swCodeSplitting(),
          ],
        },
        // The app shell only: content is synced into IndexedDB, so a publisher can replace
        // dist/content/ without a rebuild.
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        // The .br and .gz copies are the same files for the server, never separate entries.
        globIgnores: ['content/**', 'icons/**', '**/*.br', '**/*.gz'],
        // Precached: what the first paint of Home needs (index.html and what it loads), within
        // the 150 KB budget of issue 5. The other hashed chunks (other pages, other languages)
        // are fetched into a runtime cache when the worker installs (src/sw.ts), from the list
        // in asset-manifest.json.
        manifestTransforms: [
          async (entries) => {
            const shell = new Set([
              ...(await firstPaintFiles(path.resolve(outDir))),
              'favicon.svg',
              'manifest.webmanifest',
            ]);
            return { manifest: entries.filter((entry) => shell.has(entry.url)), warnings: [] };
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Every chunk the build wrote: the service worker caches the ones it does not precache.
    manifest: 'asset-manifest.json',
    rolldownOptions: {
      // The barrels re-export everything; without this, every lazily loaded part of the feed
      // parser and the database would count as reached by the entry script and sit beside it.
      experimental: { lazyBarrel: true },
      output: { codeSplitting: { groups: [shell.group] } },
      treeshake: {
        moduleSideEffects: (id: string) =>
          !/src[\\/]lib[\\/](db|feed|sync)[\\/]index\.ts$/.test(id),
      },
    },
  },
});
