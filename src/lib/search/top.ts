// The best `limit` of many candidates without sorting them all: a query may match tens of
// thousands of articles, and only the first page is shown.

/**
 * The `limit` best of `items`, best first, where `better(a, b)` says whether a ranks above b.
 * Kept sorted as it goes; most candidates are compared with the worst kept once and dropped.
 */
export function topOf<T>(items: ArrayLike<T>, limit: number, better: (a: T, b: T) => boolean): T[] {
  const kept: T[] = [];
  if (limit <= 0) return kept;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    if (kept.length === limit && !better(item, kept[limit - 1] as T)) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (better(item, kept[middle] as T)) high = middle;
      else low = middle + 1;
    }
    kept.splice(low, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}
