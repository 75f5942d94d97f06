// The arithmetic of a windowed list, kept apart from the DOM so that it can be tested without
// layout: where each item starts, and which items a viewport (plus a margin) needs rendered.

export interface WindowRange {
  /** First rendered index. */
  start: number;
  /** One past the last rendered index. */
  end: number;
}

export interface WindowOptions {
  /** Pixels rendered beyond each edge of the viewport, so a fast scroll finds cards ready. */
  overscan: number;
  /** At least this many items, e.g. a first screen of headlines even on a short viewport. */
  min: number;
  /** At most this many items, whatever the viewport and estimates say. */
  max: number;
}

/** Items without a measured size are estimated at the mean of the measured ones. */
export function estimateOf(measured: ReadonlyMap<string, number>, fallback: number): number {
  if (measured.size === 0) return fallback;
  let sum = 0;
  for (const size of measured.values()) sum += size;
  return sum / measured.size;
}

/**
 * Where each item starts: `offsets[i]` is the sum of the sizes before item i, and
 * `offsets[count]` is the whole list's size.
 */
export function layoutOffsets(
  keys: readonly string[],
  measured: ReadonlyMap<string, number>,
  estimate: number,
): Float64Array {
  const offsets = new Float64Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++) {
    offsets[i + 1] = (offsets[i] ?? 0) + (measured.get(keys[i] ?? '') ?? estimate);
  }
  return offsets;
}

/** The index of the item that contains position `at` (clamped to the list). */
export function indexAt(offsets: Float64Array, at: number): number {
  const count = offsets.length - 1;
  let low = 0;
  let high = count - 1;
  if (count <= 0) return 0;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((offsets[middle] ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The items to render for a viewport from `viewStart` to `viewEnd` (list coordinates). */
export function windowRange(
  offsets: Float64Array,
  viewStart: number,
  viewEnd: number,
  { overscan, min, max }: WindowOptions,
): WindowRange {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const first = indexAt(offsets, viewStart);
  let start = indexAt(offsets, viewStart - overscan);
  let end = Math.min(count, indexAt(offsets, viewEnd + overscan) + 1);
  if (end - start < min) {
    end = Math.min(count, start + min);
    start = Math.max(0, end - min);
  }
  if (end - start > max) {
    // Keep what is on screen: trim the margins, the one above first.
    start = Math.max(start, Math.min(first, end - max));
    end = Math.min(end, start + max);
  }
  return { start, end };
}
