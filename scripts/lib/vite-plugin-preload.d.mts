import type { Plugin } from 'vite';

export function firstPaint(options: {
  entry: string;
  modules: string[];
  name?: string;
  barrels?: RegExp;
}): {
  plugin: Plugin;
  group: { name: string; test: (id: string) => boolean; includeDependenciesRecursively: boolean };
};
