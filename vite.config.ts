import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    svelte(),
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
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
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
