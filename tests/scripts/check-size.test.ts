// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BUDGETS,
  compareToBudgets,
  firstPaintFiles,
  measureSizes,
  staticImports,
} from '../../scripts/check-size.mjs';

const cleanup: string[] = [];
afterAll(() => Promise.all(cleanup.map((dir) => rm(dir, { recursive: true }))));

/** Incompressible text of `bytes` bytes, so that brotli sizes are predictable from the outside. */
const noise = (bytes: number) =>
  randomBytes(Math.ceil(bytes / 2))
    .toString('hex')
    .slice(0, bytes);

/**
 * A fake build: index.html loads main.js (which imports runtime.js statically and lazy.js
 * lazily) and preloads home.js; sw.js precaches what `precache` lists.
 */
async function fakeDist(sizes: {
  runtime: number;
  home: number;
  lazy: number;
  precacheExtra: number;
}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-size-'));
  cleanup.push(dir);
  await mkdir(path.join(dir, 'assets'));
  const files: Record<string, string> = {
    'index.html': `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/main.js"></script>
<link rel="modulepreload" crossorigin href="/assets/home.js">
<link rel="stylesheet" crossorigin href="/assets/app.css">
</head><body><div id="app"></div></body></html>`,
    'assets/main.js': `import{a as e}from"./runtime.js";const l=()=>import("./lazy.js");e(l);`,
    'assets/runtime.js': `export const a=(x)=>x;/*${noise(sizes.runtime)}*/`,
    'assets/home.js': `import{a}from"./runtime.js";export default a;/*${noise(sizes.home)}*/`,
    'assets/lazy.js': `export default 1;/*${noise(sizes.lazy)}*/`,
    'assets/app.css': 'body{margin:0}',
    'extra.bin': noise(sizes.precacheExtra),
  };
  const precached = [
    'index.html',
    'assets/main.js',
    'assets/runtime.js',
    'assets/home.js',
    'extra.bin',
  ];
  files['sw.js'] =
    `import{precacheAndRoute as p}from"workbox-precaching";p([` +
    precached.map((url) => `{"revision":null,"url":"${url}"}`).join(',') +
    `,{"revision":"1","url":"index.html"}]);`;
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return { dir, files, precached };
}

describe('check-size', () => {
  it('finds static imports and leaves dynamic ones out', () => {
    expect(
      staticImports(
        'import{a as e}from"./a.js";import"./b.js";export{c}from"./c.js";import("./d.js")',
      ),
    ).toEqual(['./a.js', './b.js', './c.js']);
  });

  it('counts the entry with its static imports, the preloads in the initial load only, and the precache raw', async () => {
    const { dir, files, precached } = await fakeDist({
      runtime: 4000,
      home: 3000,
      lazy: 9000,
      precacheExtra: 1000,
    });
    const report = await measureSizes(dir);
    expect([...report.entryFiles].sort()).toEqual(['assets/main.js', 'assets/runtime.js']);
    expect([...report.initialFiles].sort()).toEqual(
      [
        'index.html',
        'assets/app.css',
        'assets/main.js',
        'assets/runtime.js',
        'assets/home.js',
      ].sort(),
    );
    // Hex noise compresses to about half; the lazy chunk counts nowhere.
    expect(report.entryBrotli).toBeGreaterThan(2000);
    expect(report.entryBrotli).toBeLessThan(3500);
    expect(report.initialBrotli - report.entryBrotli).toBeGreaterThan(1500);
    expect(report.initialBrotli).toBeLessThan(6000);
    // index.html is listed twice and counted once.
    const raw = precached.reduce((sum, name) => sum + Buffer.byteLength(files[name] ?? ''), 0);
    expect(report.precacheBytes).toBe(raw);
    expect(await firstPaintFiles(dir)).toEqual(
      report.initialFiles.map((f) => f.split(path.sep).join('/')),
    );
  });

  it('passes a build under every budget and fails one over any of them', async () => {
    const small = await measureSizes(
      (await fakeDist({ runtime: 4000, home: 3000, lazy: 9000, precacheExtra: 1000 })).dir,
    );
    expect(compareToBudgets(small).ok).toBe(true);

    // About 35 KB of brotli in the entry: over the 30 KB budget, and only that one.
    const bigEntry = await measureSizes(
      (await fakeDist({ runtime: 70_000, home: 1000, lazy: 1000, precacheExtra: 0 })).dir,
    );
    const verdict = compareToBudgets(bigEntry);
    expect(verdict.ok).toBe(false);
    expect(verdict.rows.filter((row) => !row.ok).map((row) => row.figure)).toEqual([
      'entry JS, brotli',
    ]);

    // A big precached file that no page loads fails the precache budget alone.
    const bigPrecache = await measureSizes(
      (
        await fakeDist({
          runtime: 1000,
          home: 1000,
          lazy: 1000,
          precacheExtra: BUDGETS.precacheBytes,
        })
      ).dir,
    );
    const precacheVerdict = compareToBudgets(bigPrecache);
    expect(precacheVerdict.rows.filter((row) => !row.ok).map((row) => row.figure)).toEqual([
      'service-worker precache, raw',
    ]);
  });

  it('exits non-zero from the command line over budget', async () => {
    const { dir } = await fakeDist({ runtime: 120_000, home: 1000, lazy: 1000, precacheExtra: 0 });
    const { spawnSync } = await import('node:child_process');
    const script = path.join(import.meta.dirname, '../../scripts/check-size.mjs');
    const over = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
    expect(over.status).toBe(1);
    expect(over.stdout).toContain('| entry JS, brotli |');
    expect(over.stdout).toContain('OVER');
    const { dir: fine } = await fakeDist({
      runtime: 2000,
      home: 1000,
      lazy: 1000,
      precacheExtra: 0,
    });
    expect(spawnSync(process.execPath, [script, fine], { encoding: 'utf8' }).status).toBe(0);
  });
});
