import { defineConfig } from 'vitest/config';

// The tests against a real WordPress + Polylang (tests/wordpress/wordpress.ts): Debian's
// wordpress, php-cli, php-mysql, php-gd and mariadb-server. One WordPress at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/wordpress/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
