import { defineConfig } from 'vitest/config';

// The core journey in Chromium, Firefox and WebKit (tests/engines/), against the production
// build. One engine at a time: the machine has two cores, and each file drives a real browser.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/engines/**/*.engine.ts'],
    globalSetup: ['tests/engines/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
