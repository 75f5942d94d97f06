#!/usr/bin/env node
// npm run feed:validate -- <dir-or-url>
// Checks a feed against docs/feed-format.md with the app's own parser, and prints every problem
// with its file and JSON path. Exits 1 when any problem is found, 2 on a usage error.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runnerImport } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** fetch for http(s) feeds, and for a folder on disk through file: URLs (404 when missing). */
async function fetchAny(input, init) {
  const url = new URL(input);
  if (url.protocol !== 'file:') return fetch(url, init);
  try {
    return new Response(await readFile(fileURLToPath(url)), { status: 200 });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

function feedUrlOf(target) {
  if (/^https?:\/\//.test(target))
    return target.endsWith('.json') ? target : `${target.replace(/\/?$/, '/')}index.json`;
  const absolute = path.resolve(target);
  return pathToFileURL(absolute.endsWith('.json') ? absolute : path.join(absolute, 'index.json'))
    .href;
}

export async function validate(target) {
  const { module } = await runnerImport(path.join(ROOT, 'src/lib/feed/validate.ts'), {
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
  });
  return module.validateFeed(feedUrlOf(target), { fetch: fetchAny });
}

async function main() {
  const target = process.argv[2];
  if (!target || target.startsWith('-')) {
    console.error('usage: npm run feed:validate -- <feed folder, index.json, or URL>');
    process.exit(2);
  }
  const report = await validate(target);
  for (const line of report.problems) console.log(`error   ${line}`);
  for (const line of report.warnings) console.log(`warning ${line}`);
  const { problems, warnings, pages, articles } = report;
  const counts = `${problems.length} problem(s), ${warnings.length} warning(s) in ${pages} page(s) and ${articles} valid article file(s)`;
  console.log(problems.length === 0 ? `ok: ${counts}` : `invalid: ${counts}`);
  process.exit(problems.length === 0 ? 0 : 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
