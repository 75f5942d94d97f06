// Posting lists as stored: each id written as its gap from the one before it in its list, in
// 7-bit groups (LEB128), low group first. Most gaps in a long list fit one byte where a
// Uint32Array takes four, and Chromium reads a stored record at about 15 ms per MB here.

/** Encodes `ids`, split into lists of `counts` ids, each list ascending. */
export function encodeSortedIds(ids: ArrayLike<number>, counts: ArrayLike<number>): Uint8Array {
  let size = 0;
  forEachGap(ids, counts, (gap) => {
    size += gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x200000 ? 3 : gap < 0x10000000 ? 4 : 5;
  });
  const bytes = new Uint8Array(size);
  let out = 0;
  forEachGap(ids, counts, (gap) => {
    while (gap >= 0x80) {
      bytes[out++] = (gap % 0x80) | 0x80;
      gap = Math.floor(gap / 0x80);
    }
    bytes[out++] = gap;
  });
  return bytes;
}

function forEachGap(
  ids: ArrayLike<number>,
  counts: ArrayLike<number>,
  use: (gap: number) => void,
): void {
  let at = 0;
  for (let list = 0; list < counts.length; list++) {
    let previous = 0;
    const end = at + (counts[list] as number);
    for (; at < end; at++) {
      const id = ids[at] as number;
      if (id < previous) throw new Error('Posting list ids must ascend');
      use(id - previous);
      previous = id;
    }
  }
}

/** The `total` ids of `bytes` (throws when they are not `total` ids in lists of `counts`). */
export function decodeSortedIds(
  bytes: Uint8Array,
  counts: ArrayLike<number>,
  total: number,
): Uint32Array {
  const ids = new Uint32Array(total);
  let read = 0;
  let at = 0;
  for (let list = 0; list < counts.length; list++) {
    const end = at + (counts[list] as number);
    if (end > total) throw new Error('Packed postings do not match');
    let previous = 0;
    for (; at < end; at++) {
      // Past the end, a read gives undefined, which counts as 0 here: checked once, below.
      let byte = bytes[read++] as number;
      if (byte < 0x80) {
        previous += byte;
        ids[at] = previous;
        continue;
      }
      let gap = byte & 0x7f;
      for (let scale = 0x80; byte & 0x80; scale *= 0x80) {
        byte = bytes[read++] as number;
        gap += (byte & 0x7f) * scale;
      }
      previous += gap;
      ids[at] = previous;
    }
  }
  if (at !== total || read !== bytes.length) throw new Error('Packed postings do not match');
  return ids;
}
