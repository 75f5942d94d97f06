// Sums vitest's "Tests  N failed | M passed (T)" lines into one "N passed, N failed" line.
import { readFileSync } from 'node:fs';

// eslint-disable-next-line no-control-regex -- strips terminal colour codes
const text = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
for (const line of text.split('\n')) {
  const match = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (!match) continue;
  passed += Number(/(\d+) passed/.exec(match[1])?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(match[1])?.[1] ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
