import { describe, expect, it } from 'vitest';
import { decodeSortedIds, encodeSortedIds } from '../../../src/lib/search/sorted-ids';

describe('stored posting list ids', () => {
  it('come back as they were, from one-byte gaps to the largest id', () => {
    const ids = [1, 2, 130, 20_000, 3_000_000, 0xffff_fffe, 5, 6, 0xffff_ffff];
    const counts = [6, 0, 3];
    const bytes = encodeSortedIds(ids, counts);
    expect([...decodeSortedIds(bytes, counts, ids.length)]).toEqual(ids);
    // Gaps of close ids take one byte each: 1, 1, 128 (two bytes), then the rest.
    expect(bytes.length).toBeLessThan(ids.length * 3);
    expect(encodeSortedIds([1, 2, 3, 4], [4])).toHaveLength(4);
  });

  it('refuses lists that do not ascend', () => {
    expect(() => encodeSortedIds([3, 2], [2])).toThrow(/ascend/);
  });

  it('are refused when the bytes do not hold the counted ids', () => {
    const ids = [1, 300, 70_000];
    const bytes = encodeSortedIds(ids, [3]);
    expect(() => decodeSortedIds(bytes.subarray(0, bytes.length - 1), [3], 3)).toThrow();
    expect(() => decodeSortedIds(Uint8Array.of(...bytes, 1), [3], 3)).toThrow();
    expect(() => decodeSortedIds(bytes, [4], 3)).toThrow();
    expect(() => decodeSortedIds(bytes, [2], 3)).toThrow();
  });
});
