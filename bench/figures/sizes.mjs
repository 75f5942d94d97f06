// Figure 1: shipped bytes. The gate of `npm test` (scripts/check-size.mjs) when it exists, so
// the bench and the gate agree; the bench's own measurement otherwise.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureSizes as ownMeasure } from '../lib/sizes.mjs';
import { REPO_ROOT } from '../lib/setup.mjs';
import { atMost, byId, row } from '../lib/rows.mjs';

/** As the gate counts: 1 KB = 1,000 bytes, the stricter reading. */
const KB = 1000;

export function rows() {
  return [
    row('1a', 'initial HTML + CSS + JS, brotli', 'KB', 'median', atMost(50), ''),
    row('1b', 'entry JS, brotli', 'KB', 'median', atMost(30), ''),
    row('1c', 'service-worker precache, raw', 'KB', 'median', atMost(150), ''),
  ];
}

/**
 * @param {{ distDir: string }} env
 * @param {import('../lib/stats.mjs').Row[]} table
 */
export async function measure(env, table) {
  const gate = path.join(REPO_ROOT, 'scripts', 'check-size.mjs');
  let source = 'bench/lib/sizes.mjs';
  let measureSizes = ownMeasure;
  if (existsSync(gate)) {
    const module = await import(pathToFileURL(gate).href);
    if (typeof module.measureSizes === 'function') {
      measureSizes = module.measureSizes;
      source = 'scripts/check-size.mjs';
    }
  }
  const sizes = await measureSizes(env.distDir);
  const rowsById = byId(table);
  const fill = (/** @type {string} */ id, /** @type {unknown} */ bytes) => {
    const target = /** @type {import('../lib/stats.mjs').Row} */ (rowsById[id]);
    if (typeof bytes === 'number') target.samples.push(bytes / KB);
    else target.missing = `${source} gave no number`;
    target.note = `${source}; 1 KB = 1,000 bytes; one sample (deterministic)`;
  };
  fill('1a', sizes.initialBrotli);
  fill('1b', sizes.entryBrotli);
  fill('1c', sizes.precacheBytes);
  return { source, sizes };
}
