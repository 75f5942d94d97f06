// Build step for the first paint of Home. The entry script is kept to the Svelte runtime and
// src/main.ts; the modules the first paint needs besides (the app shell, its state, Home) are
//   - bundled into one chunk (the `group` below, for build.rolldownOptions.output.codeSplitting),
//     since many small chunks compress worse and cost more requests than one;
//   - fetched by index.html in parallel with the entry (modulepreload and stylesheet links), so
//     that loading them with a dynamic import() costs no extra round trip.

/** @param {string} id */
const normalise = (id) => id.replaceAll('\\', '/');

/**
 * @param {{ entry: string, modules: string[], name?: string, barrels?: RegExp }} options source
 *   paths relative to the project root: the entry module ('src/main.ts') and what it imports
 *   dynamically for the first paint ('src/App.svelte', …); `barrels` matches re-export-only
 *   modules, whose every re-exported module would otherwise count as reached (the modules used
 *   through them are chunked by Rolldown as usual).
 */
export function firstPaint({ entry, modules, name = 'app', barrels }) {
  /** Modules statically reachable from `modules` but not from `entry`. */
  const members = new Set();
  let base = '/';

  /** @type {import('vite').Plugin} */
  const plugin = {
    name: 'folio-first-paint',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    buildEnd() {
      members.clear();
      const ids = [...this.getModuleIds()];
      const find = (/** @type {string} */ suffix) => {
        const id = ids.find((candidate) => normalise(candidate).endsWith(`/${suffix}`));
        if (!id) throw new Error(`firstPaint: ${suffix} is not in the build`);
        return id;
      };
      const reach = (/** @type {string[]} */ roots) => {
        const seen = new Set();
        const queue = [...roots];
        while (queue.length > 0) {
          const id = /** @type {string} */ (queue.pop());
          if (seen.has(id)) continue;
          seen.add(id);
          if (barrels?.test(normalise(id))) continue;
          for (const imported of this.getModuleInfo(id)?.importedIds ?? []) queue.push(imported);
        }
        return seen;
      };
      const loadedByEntry = reach([find(entry)]);
      const roots = modules.map(find);
      for (const id of reach(roots)) {
        if (!loadedByEntry.has(id) && !barrels?.test(normalise(id))) members.add(id);
      }
      // The dynamically imported modules keep chunks of their own (Rolldown cannot yet make a
      // group's chunk the target of a dynamic import); what they import is grouped.
      for (const id of roots) members.delete(id);
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const wanted = modules.map((module) => {
          const chunk = chunks.find((candidate) =>
            candidate.moduleIds.some((id) => normalise(id).endsWith(`/${module}`)),
          );
          if (!chunk) throw new Error(`firstPaint: ${module} is in no chunk`);
          return chunk;
        });
        /** @param {Set<string>} scripts @param {Set<string>} styles */
        const collect = (scripts, styles) => {
          const visit = (/** @type {import('rolldown').OutputChunk} */ chunk) => {
            if (scripts.has(chunk.fileName)) return;
            scripts.add(chunk.fileName);
            for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
            for (const imported of chunk.imports) {
              const output = bundle[imported];
              if (output?.type === 'chunk') visit(output);
            }
          };
          return visit;
        };
        // What the entry loads already is linked by Vite itself.
        const loaded = new Set();
        const loadedStyles = new Set();
        chunks.filter((chunk) => chunk.isEntry).forEach(collect(loaded, loadedStyles));
        const scripts = new Set(loaded);
        const styles = new Set(loadedStyles);
        wanted.forEach(collect(scripts, styles));
        const link = (/** @type {string} */ rel, /** @type {string} */ href) => ({
          tag: 'link',
          attrs: { rel, crossorigin: true, href: base + href },
          injectTo: /** @type {const} */ ('head'),
        });
        return [
          ...[...styles]
            .filter((href) => !loadedStyles.has(href))
            .map((href) => link('stylesheet', href)),
          ...[...scripts]
            .filter((href) => !loaded.has(href))
            .map((href) => link('modulepreload', href)),
        ];
      },
    },
  };

  /** The codeSplitting group that puts the members in one chunk. */
  const group = {
    name,
    test: (/** @type {string} */ id) => members.has(id),
    // The members are a closed set already: what they import is a member or in the entry.
    includeDependenciesRecursively: false,
  };

  return { plugin, group };
}
