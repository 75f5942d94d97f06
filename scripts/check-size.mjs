// The size budget of issue 5, gated in `npm test`: what a phone downloads to paint Home, the
// entry script alone, and what the service worker stores at install.
// Usage: node scripts/check-size.mjs [distDir]   (default dist/; exits 1 over budget)
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** In bytes; a KB here is 1,000 bytes, the stricter reading. */
export const BUDGETS = {
  initialBrotli: 50_000,
  entryBrotli: 30_000,
  precacheBytes: 150_000,
};

/**
 * @typedef {object} SizeReport
 * @property {number} initialBrotli HTML + stylesheets + every script of the first paint, brotli
 * @property {number} entryBrotli the module script index.html runs and its static imports, brotli
 * @property {number} precacheBytes raw bytes of the service worker's precache manifest
 * @property {string[]} entryFiles
 * @property {string[]} initialFiles
 * @property {string[]} precacheFiles
 * @property {Record<string, number>} brotliOf per file, for the files above
 */

/**
 * @param {Buffer} data
 * @returns {number}
 */
function brotliSize(data) {
  return zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }).length;
}

/**
 * The value of one attribute in a tag's text, or undefined.
 * @param {string} tag
 * @param {string} name
 * @returns {string | undefined}
 */
function attribute(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * What index.html loads before anything runs: its module scripts, preloads and stylesheets.
 * @param {string} html
 */
export function htmlReferences(html) {
  const tags = (name) => [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'gi'))].map((m) => m[0]);
  const scripts = tags('script')
    .filter((tag) => attribute(tag, 'type') === 'module')
    .map((tag) => attribute(tag, 'src'))
    .filter((src) => src !== undefined);
  const links = tags('link');
  const linksWith = (rel) =>
    links
      .filter((tag) => (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/).includes(rel))
      .map((tag) => attribute(tag, 'href'))
      .filter((href) => href !== undefined);
  return {
    scripts,
    modulepreloads: linksWith('modulepreload'),
    stylesheets: linksWith('stylesheet'),
  };
}

/**
 * The modules a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`,
 * `export … from "./x.js"`); `import("./x.js")` is lazy and left out.
 * @param {string} code
 * @returns {string[]}
 */
export function staticImports(code) {
  const pattern =
    /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g;
  return [...code.matchAll(pattern)].map((match) => match[1]).filter((s) => s !== undefined);
}

/**
 * A URL of the built app as a file in distDir: "/assets/x.js", "assets/x.js" or, under a base
 * path, "/base/assets/x.js".
 * @param {string} distDir
 * @param {string} url
 * @returns {string}
 */
function fileOf(distDir, url) {
  const clean = url.split(/[?#]/)[0].replace(/^https?:\/\/[^/]+/, '');
  const segments = clean.split('/').filter(Boolean);
  for (let skip = 0; skip < segments.length; skip++) {
    const candidate = path.join(distDir, ...segments.slice(skip));
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${url} is referenced but not in ${distDir}`);
}

/**
 * Every chunk `files` import statically, with `files` themselves.
 * @param {string[]} files absolute paths
 * @param {(file: string) => Promise<Buffer>} read
 * @returns {Promise<string[]>}
 */
async function staticClosure(files, read) {
  const seen = new Set();
  const queue = [...files];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.m?js$/.test(file)) continue;
    const code = (await read(file)).toString('utf8');
    for (const specifier of staticImports(code)) {
      // Bare specifiers cannot occur in a browser build; only relative and absolute paths load.
      if (specifier.startsWith('.')) queue.push(path.resolve(path.dirname(file), specifier));
      else if (specifier.startsWith('/')) queue.push(fileOf(path.dirname(file), specifier));
    }
  }
  return [...seen];
}

/**
 * The URLs in the precache manifest that vite-plugin-pwa injected into sw.js.
 * @param {string} sw
 * @returns {string[]}
 */
export function precacheUrls(sw) {
  const entries = sw.match(/\{[^{}]*"url"\s*:\s*"[^"]+"[^{}]*\}/g) ?? [];
  const urls = entries
    .filter((entry) => /"revision"\s*:/.test(entry))
    .map((entry) => /"url"\s*:\s*"([^"]+)"/.exec(entry)?.[1])
    .filter((url) => url !== undefined);
  if (urls.length === 0) throw new Error('sw.js has no precache manifest');
  // Workbox stores a URL listed twice (the web manifest is) once.
  return [...new Set(urls)];
}

/**
 * What the first paint of Home loads: index.html, its stylesheets, the entry script with its
 * static imports (entryFiles), and the chunks index.html preloads with theirs.
 * @param {string} dir
 * @param {(file: string) => Promise<Buffer>} read
 */
async function firstPaint(dir, read) {
  const htmlFile = path.join(dir, 'index.html');
  const refs = htmlReferences((await read(htmlFile)).toString('utf8'));
  if (refs.scripts.length === 0) throw new Error('index.html loads no module script');
  const entryFiles = await staticClosure(
    refs.scripts.map((src) => fileOf(dir, src)),
    read,
  );
  // Preloaded chunks are fetched in parallel for the first paint: initial, though not entry.
  const scriptFiles = await staticClosure(
    [...entryFiles, ...refs.modulepreloads.map((href) => fileOf(dir, href))],
    read,
  );
  const initialFiles = [
    htmlFile,
    ...new Set(refs.stylesheets.map((href) => fileOf(dir, href))),
    ...scriptFiles,
  ];
  return { htmlFile, entryFiles, initialFiles };
}

/**
 * The first paint's files, relative to distDir with "/" separators: what the service worker
 * must precache so that Home opens offline.
 * @param {string} distDir
 * @returns {Promise<string[]>}
 */
export async function firstPaintFiles(distDir) {
  const dir = path.resolve(distDir);
  const { initialFiles } = await firstPaint(dir, (file) => readFile(file));
  return initialFiles.map((file) => path.relative(dir, file).split(path.sep).join('/'));
}

/**
 * Measures a build.
 * @param {string} distDir
 * @returns {Promise<SizeReport>}
 */
export async function measureSizes(distDir) {
  const dir = path.resolve(distDir);
  /** @type {Map<string, Buffer>} */
  const bytes = new Map();
  const read = async (/** @type {string} */ file) => {
    let data = bytes.get(file);
    if (!data) {
      data = await readFile(file);
      bytes.set(file, data);
    }
    return data;
  };
  /** @type {Record<string, number>} */
  const brotliOf = {};
  const brotli = async (/** @type {string[]} */ files) => {
    let total = 0;
    for (const file of files) {
      const name = path.relative(dir, file);
      brotliOf[name] ??= brotliSize(await read(file));
      total += brotliOf[name];
    }
    return total;
  };

  const { entryFiles, initialFiles } = await firstPaint(dir, read);

  const precacheFiles = precacheUrls((await read(path.join(dir, 'sw.js'))).toString('utf8')).map(
    (url) => fileOf(dir, url),
  );
  let precacheBytes = 0;
  for (const file of precacheFiles) precacheBytes += (await read(file)).length;

  const relative = (/** @type {string[]} */ files) => files.map((f) => path.relative(dir, f));
  return {
    initialBrotli: await brotli(initialFiles),
    entryBrotli: await brotli(entryFiles),
    precacheBytes,
    entryFiles: relative(entryFiles),
    initialFiles: relative(initialFiles),
    precacheFiles: relative(precacheFiles),
    brotliOf,
  };
}

/**
 * The figures beside their budgets, and which are over.
 * @param {SizeReport} report
 * @param {typeof BUDGETS} [budgets]
 */
export function compareToBudgets(report, budgets = BUDGETS) {
  const rows = [
    ['initial HTML + CSS + JS, brotli', report.initialBrotli, budgets.initialBrotli],
    ['entry JS, brotli', report.entryBrotli, budgets.entryBrotli],
    ['service-worker precache, raw', report.precacheBytes, budgets.precacheBytes],
  ].map(([figure, size, budget]) => ({
    figure: /** @type {string} */ (figure),
    size: /** @type {number} */ (size),
    budget: /** @type {number} */ (budget),
    ok: /** @type {number} */ (size) <= /** @type {number} */ (budget),
  }));
  return { rows, ok: rows.every((row) => row.ok) };
}

/**
 * @param {ReturnType<typeof compareToBudgets>['rows']} rows
 * @returns {string}
 */
export function formatTable(rows) {
  const kb = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} KB`;
  const lines = [
    '| figure | size | budget | |',
    '| --- | ---: | ---: | --- |',
    ...rows.map(
      (r) => `| ${r.figure} | ${kb(r.size)} | ≤ ${kb(r.budget)} | ${r.ok ? 'ok' : 'OVER'} |`,
    ),
  ];
  return lines.join('\n');
}

async function main() {
  const distDir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'dist'));
  const report = await measureSizes(distDir);
  const { rows, ok } = compareToBudgets(report);
  console.log(`Size budget (issue 5) for ${distDir}`);
  console.log(formatTable(rows));
  console.log(`entry: ${report.entryFiles.join(', ')}`);
  if (!ok) {
    console.error('Over the size budget: move code not needed for the first paint of Home');
    console.error('behind a dynamic import(), or keep it out of the precache.');
    process.exitCode = 1;
  }
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
