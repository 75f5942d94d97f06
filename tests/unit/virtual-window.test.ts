import { describe, expect, it } from 'vitest';
import {
  estimateOf,
  indexAt,
  layoutOffsets,
  windowRange,
} from '../../src/components/list/virtual-window';

const keys = (count: number) => Array.from({ length: count }, (_, i) => `k${i}`);
const OPTIONS = { overscan: 400, min: 20, max: 60 };

describe('windowed list arithmetic', () => {
  it('lays items out from measured sizes, estimating the rest', () => {
    const measured = new Map([
      ['k0', 100],
      ['k2', 300],
    ]);
    const estimate = estimateOf(measured, 50);
    expect(estimate).toBe(200);
    expect([...layoutOffsets(keys(4), measured, estimate)]).toEqual([0, 100, 300, 600, 800]);
    expect(estimateOf(new Map(), 50)).toBe(50);
  });

  it('finds the item under a position', () => {
    const offsets = layoutOffsets(keys(5), new Map(), 100);
    expect(indexAt(offsets, -10)).toBe(0);
    expect(indexAt(offsets, 0)).toBe(0);
    expect(indexAt(offsets, 99.5)).toBe(0);
    expect(indexAt(offsets, 100)).toBe(1);
    expect(indexAt(offsets, 450)).toBe(4);
    expect(indexAt(offsets, 10_000)).toBe(4);
  });

  it('renders a bounded window of 10,000 items wherever the viewport is', () => {
    const offsets = layoutOffsets(keys(10_000), new Map(), 200);
    for (const top of [0, 5_000, 1_000_000, 1_999_000]) {
      const range = windowRange(offsets, top, top + 800, OPTIONS);
      expect(range.end - range.start).toBeLessThanOrEqual(60);
      expect(range.end - range.start).toBeGreaterThanOrEqual(20);
      // Everything on screen is rendered.
      expect(range.start).toBeLessThanOrEqual(indexAt(offsets, top));
      expect(range.end).toBeGreaterThan(Math.min(9_999, indexAt(offsets, top + 800)));
    }
    expect(windowRange(offsets, 1_999_500, 2_000_300, OPTIONS).end).toBe(10_000);
  });

  it('keeps a first screen of items on a short viewport, and the screen itself when capped', () => {
    const offsets = layoutOffsets(keys(100), new Map(), 200);
    expect(windowRange(offsets, 0, 100, { overscan: 0, min: 20, max: 60 })).toEqual({
      start: 0,
      end: 20,
    });
    // Near the end, the minimum reaches back instead.
    expect(windowRange(offsets, 19_900, 20_000, { overscan: 0, min: 20, max: 60 })).toEqual({
      start: 80,
      end: 100,
    });
    // A huge viewport on tiny items: at most `max`, starting at what is on screen.
    const tiny = layoutOffsets(keys(1000), new Map(), 1);
    expect(windowRange(tiny, 500, 900, { overscan: 400, min: 20, max: 60 })).toEqual({
      start: 500,
      end: 560,
    });
    expect(windowRange(layoutOffsets([], new Map(), 1), 0, 100, OPTIONS)).toEqual({
      start: 0,
      end: 0,
    });
  });
});
