/**
 * The smallest key range holding every one of `ids`, for one range read in place of a get per id;
 * null when there are none.
 */
export function keySpan(ids: readonly string[]): IDBKeyRange | null {
  const first = ids[0];
  if (first === undefined) return null;
  let lowest = first;
  let highest = first;
  for (const id of ids) {
    if (id < lowest) lowest = id;
    if (id > highest) highest = id;
  }
  return IDBKeyRange.bound(lowest, highest);
}
