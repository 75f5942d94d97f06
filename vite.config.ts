import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { folioHeaders } from './scripts/lib/vite-plugin-headers.mjs';

export default defineConfig({
  plugins: [
    svelte(),
    // The Content-Security-Policy follows the feed and comment hosts chosen at build time.
    folioHeaders({
      feedUrl: process.env.VITE_FEED_URL,
      commentsUrl: process.env.VITE_COMMENTS_URL,
    }),
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
        background_color: '#ffffff',
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
      injectManifest: {
        // The app shell only: content is synced into IndexedDB, so a publisher can replace
        // dist/content/ without a rebuild.
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        globIgnores: ['content/**'],
      },
    }),
  ],
  build: {
    target: 'es2022',
  },
});
