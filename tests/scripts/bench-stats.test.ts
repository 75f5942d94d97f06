// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  cells,
  markdownTable,
  median,
  p95,
  percentile,
  textTable,
  verdict,
} from '../../bench/lib/stats.mjs';
import { aimAtMost, atLeast, atMost, row } from '../../bench/lib/rows.mjs';

const withSamples = (base: ReturnType<typeof row>, samples: number[]) => ({ ...base, samples });

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('p95', () => {
  it('is an observed value (nearest rank), not an interpolation', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(p95(values)).toBe(95);
    expect(percentile(values, 50)).toBe(50);
  });

  it('is the maximum of a handful of runs', () => {
    expect(p95([12, 30, 11, 10, 14])).toBe(30);
  });

  it('does not mutate its input', () => {
    const values = [3, 1, 2];
    p95(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('verdict', () => {
  const p95Row = row('3a', 'switch', 'ms', 'p95', atMost(50), '');

  it('judges the statistic the budget names: p95 over 50 fails though the median passes', () => {
    expect(verdict(withSamples(p95Row, [10, 10, 10, 10, 80]))).toBe('✗');
    expect(verdict(withSamples(p95Row, [10, 20, 30, 40, 50]))).toBe('✓');
  });

  it('judges a minimum budget from below', () => {
    const score = row('7b', 'accessibility', 'score', 'median', atLeast(100), '');
    expect(verdict(withSamples(score, [100, 100, 98]))).toBe('✓');
    expect(verdict(withSamples(score, [98, 100, 98]))).toBe('✗');
  });

  it('only reports a figure with an aim or no budget', () => {
    const ratio = row('2c', 'ratio', 'ratio', 'median', aimAtMost(3), '');
    expect(verdict(withSamples(ratio, [9, 9, 9]))).toBe('reported');
    expect(verdict(withSamples(row('4d', 'sync', 'ms', 'median', null, ''), [1]))).toBe('reported');
  });

  it('is n/a without samples, and the cell says why', () => {
    const missing = { ...p95Row, missing: 'no search route' };
    expect(verdict(missing)).toBe('n/a');
    expect(cells(missing).verdict).toBe('n/a (no search route)');
    expect(cells(missing).median).toBe('–');
  });
});

describe('the table', () => {
  const longTasks = row('3d', 'long task', 'ms', 'max', atMost(50), '');
  const size = row('1a', 'initial', 'KB', 'median', atMost(50), '');

  it('formats values with their unit and the budget with its sign', () => {
    expect(cells(withSamples(size, [41.26]))).toEqual({
      figure: '1a initial',
      median: '41.3 KB',
      p95: '41.3 KB',
      budget: '≤ 50.0 KB',
      verdict: '✓',
    });
  });

  it('shows a long-task row by its worst case, and "none" when there was none', () => {
    expect(cells(withSamples(longTasks, [0, 0, 0]))).toMatchObject({
      median: 'none',
      p95: 'max none',
      verdict: '✓',
    });
    expect(cells(withSamples(longTasks, [0, 0, 120]))).toMatchObject({
      p95: 'max 120 ms',
      verdict: '✗',
    });
  });

  it('writes one Markdown row per figure under the five columns', () => {
    const markdown = markdownTable([withSamples(size, [41]), { ...longTasks, missing: 'n|a' }]);
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('| figure | median | p95 | budget | verdict |');
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- |');
    expect(lines[2]).toBe('| 1a initial | 41.0 KB | 41.0 KB | ≤ 50.0 KB | ✓ |');
    // A pipe inside a cell must not open a new column.
    expect(lines[3]).toBe('| 3d long task | – | – | ≤ 50 ms | n/a (n\\|a) |');
    expect(lines).toHaveLength(4);
  });

  it('pads the terminal table into aligned columns', () => {
    const lines = textTable([withSamples(size, [41]), withSamples(longTasks, [0])]).split('\n');
    const bars = lines.map((line) => [...line].flatMap((c, i) => (c === '|' ? [i] : [])));
    expect(new Set(bars.filter((b) => b.length > 0).map((b) => b.join(','))).size).toBe(1);
  });
});
