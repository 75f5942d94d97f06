import type { Plugin } from 'vite';

export function folioHeaders(options?: { feedUrl?: string; commentsUrl?: string }): Plugin;
