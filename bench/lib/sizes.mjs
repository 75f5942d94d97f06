// Figure 1, the bench's own way: used when scripts/check-size.mjs (the gate in `npm test`) is not
// there. Brotli at quality 11, each file on its own (as a server sends them), summed.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * @typedef {object} Sizes
 * @property {number} initialBrotli index.html + its CSS + the entry chunk and its static imports
 * @property {number} entryBrotli the entry chunk and its static imports
 * @property {number} precacheBytes the service worker's precache manifest, raw bytes
 * @property {string[]} initialFiles
 */

/**
 * @param {Buffer} body
 * @returns {number}
 */
export function brotliSize(body) {
  return zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  }).length;
}

/**
 * Static `import … from "./x.js"` and `import "./x.js"` of a built chunk; dynamic `import()`
 * is left out on purpose: it is what keeps code out of the first load.
 * @param {string} code
 * @returns {string[]} specifiers as written
 */
export function staticImports(code) {
  const found = new Set();
  const pattern =
    /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.add(/** @type {string} */ (match[1]));
  return [...found];
}

/**
 * @param {string} html
 * @param {string} rel
 * @param {'href' | 'src'} attribute
 * @param {string} tag
 * @returns {string[]}
 */
function linked(html, tag, rel, attribute) {
  const result = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))) {
    const element = match[0];
    if (rel && !new RegExp(`rel=["']${rel}["']`).test(element)) continue;
    if (tag === 'script' && !/type=["']module["']/.test(element)) continue;
    const value = new RegExp(`${attribute}=["']([^"']+)["']`).exec(element)?.[1];
    if (value) result.push(value);
  }
  return result;
}

/**
 * @param {string} distDir
 * @param {string} url an absolute path of the site ("/assets/x.js")
 */
const fileOf = (distDir, url) => path.join(distDir, url.replace(/^\//, ''));

/**
 * @param {string} distDir
 * @param {string[]} entries absolute site paths
 * @returns {Promise<string[]>} the entries and every chunk they import statically
 */
async function importClosure(distDir, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const url = /** @type {string} */ (queue.shift());
    if (seen.has(url)) continue;
    seen.add(url);
    const code = await readFile(fileOf(distDir, url), 'utf8');
    for (const specifier of staticImports(code)) {
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) continue;
      queue.push(new URL(specifier, `http://x${url}`).pathname);
    }
  }
  return [...seen];
}

/**
 * The URLs of the precache manifest injected into sw.js.
 * @param {string} sw the text of sw.js
 * @returns {string[]}
 */
export function precacheUrls(sw) {
  const urls = new Set();
  for (const match of sw.matchAll(/\{"?revision"?:(?:"[^"]*"|null),"?url"?:"([^"]+)"\}/g)) {
    urls.add(/** @type {string} */ (match[1]));
  }
  return [...urls];
}

/**
 * @param {string} distDir
 * @returns {Promise<Sizes>}
 */
export async function measureSizes(distDir) {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const css = linked(html, 'link', 'stylesheet', 'href');
  const entries = linked(html, 'script', '', 'src');
  const preloads = linked(html, 'link', 'modulepreload', 'href');
  const js = await importClosure(distDir, [...entries, ...preloads]);
  const sizeOf = async (/** @type {string} */ url) =>
    brotliSize(await readFile(fileOf(distDir, url)));
  const jsSizes = await Promise.all(js.map(sizeOf));
  const cssSizes = await Promise.all(css.map(sizeOf));
  const entryBrotli = jsSizes.reduce((a, b) => a + b, 0);
  const initialBrotli =
    brotliSize(Buffer.from(html)) + entryBrotli + cssSizes.reduce((a, b) => a + b, 0);
  const sw = await readFile(path.join(distDir, 'sw.js'), 'utf8');
  const precache = await Promise.all(
    precacheUrls(sw).map(async (url) => (await stat(path.join(distDir, url))).size),
  );
  return {
    initialBrotli,
    entryBrotli,
    precacheBytes: precache.reduce((a, b) => a + b, 0),
    initialFiles: ['/index.html', ...css, ...js],
  };
}
