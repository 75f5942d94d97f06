// Building the table's rows: every figure starts as a row with no samples, so that a figure
// which cannot be measured still shows, as "n/a (why)", instead of breaking the table.

/** @typedef {import('./stats.mjs').Row} Row */
/** @typedef {import('./stats.mjs').Budget} Budget */
/** @typedef {import('./stats.mjs').Unit} Unit */

/** @param {number} value @returns {Budget} */
export const atMost = (value) => ({ op: '<=', value, gated: true });
/** @param {number} value @returns {Budget} */
export const atLeast = (value) => ({ op: '>=', value, gated: true });
/** @param {number} value @returns {Budget} */
export const aimAtMost = (value) => ({ op: '<=', value, gated: false });
/** @param {number} value @returns {Budget} */
export const aimAtLeast = (value) => ({ op: '>=', value, gated: false });

/**
 * @param {string} id
 * @param {string} label
 * @param {Unit} unit
 * @param {Row['judge']} judge
 * @param {Budget | null} budget
 * @param {string} note
 * @returns {Row}
 */
export function row(id, label, unit, judge, budget, note) {
  return { id, label, unit, judge, budget, samples: [], note };
}

/**
 * @param {Row[]} rows
 * @returns {Record<string, Row>}
 */
export function byId(rows) {
  return Object.fromEntries(rows.map((entry) => [entry.id, entry]));
}

/**
 * @param {unknown} error
 * @returns {string} the first line of the error, short enough for a table cell
 */
export function reasonOf(error) {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 90 ? `${line.slice(0, 87)}…` : line;
}

/**
 * Marks every row still without samples as not measured, with the reason.
 * @param {Row[]} rows
 * @param {string} reason
 */
export function markMissing(rows, reason) {
  for (const entry of rows) {
    if (entry.samples.length === 0) entry.missing ??= reason;
  }
}

/**
 * @param {Row[]} rows
 * @returns {(id: string, value: number) => void} adds one sample to the row with that id
 */
export function sampler(rows) {
  const map = byId(rows);
  return (id, value) => {
    const target = map[id];
    if (!target) throw new Error(`no row ${id}`);
    target.samples.push(value);
  };
}

/**
 * @param {Row[]} rows
 * @param {string} id
 * @returns {Row}
 */
export function rowOf(rows, id) {
  const found = rows.find((entry) => entry.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
}
