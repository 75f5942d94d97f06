// Statistics and the results table of `npm run bench`: pure functions, unit-tested in
// tests/scripts/bench-stats.test.ts.

/**
 * @typedef {'ms' | 's' | 'KB' | 'MB' | 'ratio' | 'fraction' | 'score' | 'count'} Unit
 *
 * @typedef {object} Budget
 * @property {'<=' | '>='} op
 * @property {number} value
 * @property {boolean} gated false: the figure is reported beside an aim, never failed
 *
 * @typedef {object} Row
 * @property {string} id e.g. "2a"; the number is the figure number
 * @property {string} label
 * @property {Unit} unit
 * @property {number[]} samples one per run (or per query); empty when the figure could not be measured
 * @property {'median' | 'p95' | 'max'} judge which statistic the budget applies to
 * @property {Budget | null} budget
 * @property {string} [missing] why there are no samples ("n/a (…)")
 * @property {string} [note] how it was measured, for the JSON and the Markdown notes
 *
 * @typedef {'✓' | '✗' | 'reported' | 'n/a'} Verdict
 */

/**
 * The middle value; the mean of the two middle values for an even count.
 * @param {readonly number[]} values
 * @returns {number} NaN for no values
 */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

/**
 * Nearest-rank percentile: a value that was actually observed, never an interpolation, so the
 * p95 of five runs is honestly their maximum.
 * @param {readonly number[]} values
 * @param {number} p 0 < p ≤ 100
 * @returns {number} NaN for no values
 */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return /** @type {number} */ (sorted[Math.min(rank, sorted.length) - 1]);
}

/** @param {readonly number[]} values */
export const p95 = (values) => percentile(values, 95);

/** @param {readonly number[]} values */
export const max = (values) => (values.length === 0 ? Number.NaN : Math.max(...values));

/**
 * @param {Row} row
 * @returns {number} the statistic the budget applies to
 */
export function judged(row) {
  if (row.judge === 'max') return max(row.samples);
  return row.judge === 'p95' ? p95(row.samples) : median(row.samples);
}

/**
 * @param {Row} row
 * @returns {Verdict}
 */
export function verdict(row) {
  if (row.samples.length === 0) return 'n/a';
  if (!row.budget) return 'reported';
  if (!row.budget.gated) return 'reported';
  const value = judged(row);
  if (Number.isNaN(value)) return 'n/a';
  return (row.budget.op === '<=' ? value <= row.budget.value : value >= row.budget.value)
    ? '✓'
    : '✗';
}

/**
 * @param {number} value
 * @param {Unit} unit
 * @returns {string}
 */
export function formatValue(value, unit) {
  if (Number.isNaN(value)) return '–';
  switch (unit) {
    case 'ms':
      return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
    case 's':
      return `${value.toFixed(1)} s`;
    case 'KB':
      return `${value.toFixed(1)} KB`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'fraction':
      return value.toFixed(3);
    case 'score':
    case 'count':
      return String(Math.round(value));
  }
}

/**
 * @param {Budget | null} budget
 * @param {Unit} unit
 * @returns {string}
 */
export function formatBudget(budget, unit) {
  if (!budget) return '–';
  const sign = budget.op === '<=' ? '≤' : '≥';
  const text = `${sign} ${formatValue(budget.value, unit)}`;
  return budget.gated ? text : `aim ${text}`;
}

/**
 * One line of the table, every cell as text.
 * @param {Row} row
 * @returns {{ figure: string, median: string, p95: string, budget: string, verdict: string }}
 */
export function cells(row) {
  const figure = `${row.id} ${row.label}`;
  const result = verdict(row);
  if (result === 'n/a') {
    return {
      figure,
      median: '–',
      p95: '–',
      budget: formatBudget(row.budget, row.unit),
      verdict: `n/a (${row.missing ?? 'not measured'})`,
    };
  }
  // A long-task row shows its worst case: a single long task is what the budget forbids.
  const shown = (/** @type {number} */ value) =>
    row.unit === 'ms' && row.judge === 'max' && value === 0 ? 'none' : formatValue(value, row.unit);
  return {
    figure,
    median: shown(median(row.samples)),
    p95: row.judge === 'max' ? `max ${shown(max(row.samples))}` : shown(p95(row.samples)),
    budget: formatBudget(row.budget, row.unit),
    verdict: result,
  };
}

const HEADERS = {
  figure: 'figure',
  median: 'median',
  p95: 'p95',
  budget: 'budget',
  verdict: 'verdict',
};
/** @type {(keyof typeof HEADERS)[]} */
const COLUMNS = ['figure', 'median', 'p95', 'budget', 'verdict'];

/**
 * @param {string} text
 * @returns {string}
 */
const escapeCell = (text) => text.replaceAll('|', '\\|');

/**
 * @param {readonly Row[]} rows
 * @returns {string} a GitHub-flavoured Markdown table
 */
export function markdownTable(rows) {
  const lines = [
    `| ${COLUMNS.map((column) => HEADERS[column]).join(' | ')} |`,
    `| ${COLUMNS.map(() => '---').join(' | ')} |`,
  ];
  for (const row of rows) {
    const line = cells(row);
    lines.push(`| ${COLUMNS.map((column) => escapeCell(line[column])).join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * The same table for a terminal: columns padded to their widest cell.
 * @param {readonly Row[]} rows
 * @returns {string}
 */
export function textTable(rows) {
  const body = [HEADERS, ...rows.map(cells)];
  const widths = COLUMNS.map((column) => Math.max(...body.map((line) => [...line[column]].length)));
  const render = (/** @type {typeof HEADERS} */ line) =>
    COLUMNS.map((column, i) => line[column].padEnd(/** @type {number} */ (widths[i]))).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  return [render(HEADERS), rule, ...body.slice(1).map(render)].join('\n');
}

/**
 * @param {Row} row
 * @returns {object} the row with its statistics, for results JSON
 */
export function summarise(row) {
  return {
    ...row,
    median: row.samples.length ? median(row.samples) : null,
    p95: row.samples.length ? p95(row.samples) : null,
    max: row.samples.length ? max(row.samples) : null,
    verdict: verdict(row),
  };
}
