import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'coverage/', 'public/content/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // The layers (README, docs/architecture.md), enforced: a wrong import fails npm test.
  {
    // Views read lib/state (and the types it re-exports), never storage, the feed or the sync.
    files: ['src/components/**', 'src/routes/**', 'src/App.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/lib/db',
                '**/lib/db/*',
                '**/lib/feed',
                '**/lib/feed/*',
                '**/lib/sync',
                '**/lib/sync/*',
              ],
              message: 'Components and routes go through lib/state (types: lib/state/types).',
            },
          ],
        },
      ],
    },
  },
  {
    // Search indexes what is stored; it never runs a sync.
    files: ['src/lib/search/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../sync', '../sync/*'], message: 'lib/search does not use lib/sync.' },
          ],
        },
      ],
    },
  },
  {
    // Storage keeps what it is given: it may name the feed's types, never run its code.
    files: ['src/lib/db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../feed', '../feed/*'],
              allowTypeImports: true,
              message: 'lib/db imports only types from lib/feed.',
            },
            {
              group: ['../sync', '../sync/*', '../state', '../state/*', '../search', '../search/*'],
              message: 'lib/db is below sync, search and state.',
            },
          ],
        },
      ],
    },
  },
  {
    // The feed layer fetches and parses; it knows nothing of storage or what runs it.
    files: ['src/lib/feed/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../db', '../db/*', '../sync', '../sync/*', '../state', '../state/*'],
              message: 'lib/feed depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
);
