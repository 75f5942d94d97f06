import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  test: {
    environment: 'jsdom',
    include: [
      'tests/unit/**/*.test.ts',
      'tests/component/**/*.test.ts',
      'tests/scripts/**/*.test.ts',
    ],
    setupFiles: ['tests/setup.ts'],
    // The first test of a file compiles the lazily loaded routes and languages it opens; on two
    // busy cores that alone can take seconds, on top of a 5 s wait for what the page shows.
    testTimeout: 20_000,
    // expect.poll waits as long as Testing Library's queries (tests/setup.ts): a lazily loaded
    // route can take more than the default second to render while both cores are busy.
    expect: { poll: { timeout: 5_000 } },
  },
});
