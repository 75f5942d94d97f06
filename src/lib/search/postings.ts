// An inverted index of our own: term → the document numbers containing it, in the order they
// were added, each with a one-byte weight (how much the term says about the document: its
// field-weighted, length-normalised frequency, see weights.ts). It replaces FlexSearch's Index
// because the index must be persisted and loaded in well under a second at 10,000 articles, and
// FlexSearch's light build has no export/import (the compact build's export is 2.5× the code in
// the precached worker chunk, and its import rebuilds every Map from JSON strings, which is the
// very work persistence is meant to skip). Packed, the whole index is one sorted term string, a
// Uint32Array of list lengths and two Uint8Arrays (the ids as gaps, sorted-ids.ts, and the
// weights): IndexedDB stores and returns them as flat copies, and loading decodes the ids once
// and slices views.

/** The persisted form: terms sorted and joined by '\n', list lengths, every list's ids, weights. */
export interface PackedPostings {
  terms: string;
  counts: Uint32Array;
  /** Encoded by encodeSortedIds. */
  ids: Uint8Array;
  /** One per id, in the same order. */
  weights: Uint8Array;
}

import { decodeSortedIds, encodeSortedIds } from './sorted-ids';

type Ids = number[] | Uint32Array;
type Weights = number[] | Uint8Array;

/** A term's documents and their weights, oldest first. */
export interface PostingList {
  ids: ArrayLike<number>;
  weights: ArrayLike<number>;
}

const EMPTY: PostingList = { ids: [], weights: [] };

export class Postings {
  /** Term → its slot in `ids` and `weights`: one Map entry per term, not one object. */
  private slots = new Map<string, number>();
  private ids: Ids[] = [];
  private weights: Weights[] = [];
  private sortedTerms: string[] | null = null;

  /** Records that document `id` contains each term with its weight (1 to 255). */
  add(id: number, weighted: ReadonlyMap<string, number>): void {
    for (const [term, weight] of weighted) {
      let slot = this.slots.get(term);
      if (slot === undefined) {
        slot = this.ids.length;
        this.slots.set(term, slot);
        this.ids.push([]);
        this.weights.push([]);
        this.sortedTerms = null;
      }
      let ids = this.ids[slot] as Ids;
      let weights = this.weights[slot] as Weights;
      if (!Array.isArray(ids)) {
        // A loaded list is a view into the packed arrays: copy it once it grows again.
        ids = this.ids[slot] = Array.from(ids);
        weights = this.weights[slot] = Array.from(weights);
      }
      if (ids.at(-1) === id) continue;
      ids.push(id);
      (weights as number[]).push(weight);
    }
  }

  /** The documents containing `term`, oldest first, with their weights. */
  get(term: string): PostingList {
    const slot = this.slots.get(term);
    if (slot === undefined) return EMPTY;
    return { ids: this.ids[slot] as Ids, weights: this.weights[slot] as Weights };
  }

  /** How many documents contain `term` (stale ones included). */
  count(term: string): number {
    const slot = this.slots.get(term);
    return slot === undefined ? 0 : (this.ids[slot] as Ids).length;
  }

  has(term: string): boolean {
    return this.slots.has(term);
  }

  get termCount(): number {
    return this.slots.size;
  }

  clear(): void {
    this.slots.clear();
    this.ids = [];
    this.weights = [];
    this.sortedTerms = null;
  }

  /** Known terms starting with `prefix`, in code-unit order, at most `limit`. */
  expand(prefix: string, limit: number): string[] {
    this.sortedTerms ??= [...this.slots.keys()].sort();
    const sorted = this.sortedTerms;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < sorted.length && found.length < limit; i++) {
      const term = sorted[i] as string;
      if (!term.startsWith(prefix)) break;
      found.push(term);
    }
    return found;
  }

  /**
   * The persisted form, each id replaced by `renumber(id)`, which must keep ids in order; ids it
   * maps to 0 (stale ones) are dropped here.
   */
  pack(renumber: (id: number) => number): PackedPostings {
    const sorted = [...this.slots.keys()].sort();
    const kept: string[] = [];
    const counts: number[] = [];
    let total = 0;
    for (const list of this.ids) total += list.length;
    const ids = new Uint32Array(total);
    const weights = new Uint8Array(total);
    let at = 0;
    for (const term of sorted) {
      const slot = this.slots.get(term) as number;
      const list = this.ids[slot] as Ids;
      const listWeights = this.weights[slot] as Weights;
      const start = at;
      for (let i = 0; i < list.length; i++) {
        const id = renumber(list[i] as number);
        if (id === 0) continue;
        ids[at] = id;
        weights[at++] = listWeights[i] as number;
      }
      if (at === start) continue;
      kept.push(term);
      counts.push(at - start);
    }
    return {
      terms: kept.join('\n'),
      counts: Uint32Array.from(counts),
      ids: encodeSortedIds(ids.subarray(0, at), counts),
      weights: weights.slice(0, at),
    };
  }

  /** Replaces the contents with a packed index; lists become views into the packed arrays. */
  load(packed: PackedPostings): void {
    this.clear();
    const terms = packed.terms === '' ? [] : packed.terms.split('\n');
    if (terms.length !== packed.counts.length) throw new Error('Packed postings do not match');
    const ids = decodeSortedIds(packed.ids, packed.counts, packed.weights.length);
    let at = 0;
    for (let i = 0; i < terms.length; i++) {
      const count = packed.counts[i] as number;
      this.slots.set(terms[i] as string, i);
      this.ids.push(ids.subarray(at, at + count));
      this.weights.push(packed.weights.subarray(at, at + count));
      at += count;
    }
    // Packed terms are already sorted: prefix expansion needs no sort after a load.
    this.sortedTerms = terms;
  }
}
