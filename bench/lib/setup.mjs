// What a bench run stands on: the production build, the bench pages beside it, the synthetic
// feeds, and the static "floor" page of figure 2.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticFeed } from '../../scripts/synthetic-feed.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VITE = path.join(REPO_ROOT, 'node_modules', '.bin', 'vite');

/**
 * What every figure is given.
 * @typedef {object} BenchEnv
 * @property {import('playwright-core').Browser} browser
 * @property {string} base the server's origin, e.g. http://127.0.0.1:40000
 * @property {string} distDir the build being measured
 * @property {number} runs
 * @property {number} count articles in the synthetic feed
 * @property {string} staticPath the static floor page of figure 2, on the server
 * @property {string} contentDir the folder served at /content/ (figure 4 swaps its index.json)
 * @property {string[]} bodyBundles the article files in bundles, on the server
 * @property {boolean} warmSearch whether /search is opened online before going offline
 * @property {(line: string) => void} log
 */

/** Where the bench pages are served, beside the app, so they share its IndexedDB. */
export const BENCH_PATH = '/__bench';
/** The 1,000-article feed of figure 4, inside the served content folder. */
export const SYNC_FEED_DIR = 'sync-1000';

/**
 * @param {string[]} args
 * @returns {Promise<void>} rejects with vite's output when it fails
 */
function vite(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(VITE, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite ${args.join(' ')} failed:\n${output}`)),
    );
  });
}

/**
 * The app exactly as `npm run build` makes it, then the bench pages into its /__bench/.
 * @param {string} distDir
 */
export async function buildAll(distDir) {
  await vite(['build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn']);
  await vite([
    'build',
    '--config',
    path.join(REPO_ROOT, 'bench', 'vite.config.ts'),
    '--outDir',
    path.join(distDir, BENCH_PATH.slice(1)),
    '--emptyOutDir',
  ]);
}

/**
 * Index pages stay under the feed's 10 MB per-file limit: 1,000 summaries are about 1 MB.
 * @param {string} contentDir
 * @param {number} count
 */
export async function writeFeeds(contentDir, count) {
  const big = await writeSyntheticFeed({ count, out: contentDir, pageSize: 1000 });
  const small = await writeSyntheticFeed({
    count: 1000,
    out: path.join(contentDir, SYNC_FEED_DIR),
    pageSize: 1000,
  });
  return { big, small };
}

/** Article files per bundle: about 9 MB of JSON. */
const BUNDLE_SIZE = 1000;

/**
 * The feed's article files, a thousand to a JSON array, for the bench page to seed from: the
 * same bytes as 10,000 separate requests, in ten. (Seeding is set-up, not a figure; the
 * article files are still parsed by the app's own parseArticleFile.)
 * @param {string} distDir
 * @param {string} contentDir
 * @returns {Promise<string[]>} the bundles' paths on the server
 */
export async function writeBodyBundles(distDir, contentDir) {
  const index = JSON.parse(await readFile(path.join(contentDir, 'index.json'), 'utf8'));
  /** @type {string[]} */
  const hrefs = [];
  for (let page = index, n = 1; ; n++) {
    hrefs.push(...page.articles.map((/** @type {{ href: string }} */ article) => article.href));
    if (!page.next) break;
    page = JSON.parse(await readFile(path.join(contentDir, page.next), 'utf8'));
    if (n > 1000) throw new Error('the feed has a loop of next links');
  }
  const dir = path.join(distDir, BENCH_PATH.slice(1), 'bodies');
  await mkdir(dir, { recursive: true });
  /** @type {string[]} */
  const bundles = [];
  for (let start = 0; start < hrefs.length; start += BUNDLE_SIZE) {
    const files = await Promise.all(
      hrefs
        .slice(start, start + BUNDLE_SIZE)
        .map((href) => readFile(path.join(contentDir, href), 'utf8')),
    );
    const name = `bodies-${bundles.length + 1}.json`;
    await writeFile(path.join(dir, name), `[${files.join(',')}]`);
    bundles.push(`${BENCH_PATH}/bodies/${name}`);
  }
  return bundles;
}

/**
 * @param {string} text
 * @returns {string}
 */
const escapeHtml = (text) =>
  text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);

/**
 * The physical floor of figure 2: the same 20 newest headlines as plain HTML, no script, no CSS.
 * @param {string} distDir
 * @param {string} contentDir
 * @param {number} headlines
 * @returns {Promise<string>} its path on the server
 */
export async function writeStaticPage(distDir, contentDir, headlines) {
  const index = JSON.parse(await readFile(path.join(contentDir, 'index.json'), 'utf8'));
  const lang = index.defaultLanguage ?? 'en';
  /** @type {string[]} */
  const cards = index.articles
    .slice(0, headlines)
    .map(
      (/** @type {{ translations: Record<string, { title: string }> }} */ article) =>
        `<article class="card"><h2>${escapeHtml(article.translations[lang]?.title ?? '')}</h2></article>`,
    );
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Static floor</title></head>
<body><main>
${cards.join('\n')}
</main></body></html>
`;
  await writeFile(path.join(distDir, BENCH_PATH.slice(1), 'static.html'), html);
  return `${BENCH_PATH}/static.html`;
}
