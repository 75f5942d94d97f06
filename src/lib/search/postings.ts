// An inverted index of our own: term → the document numbers containing it, in the order they
// were added. It replaces FlexSearch's Index because the index must be persisted and loaded in
// well under a second at 10,000 articles, and FlexSearch's light build has no export/import
// (the compact build's export is 2.5× the code in the precached worker chunk, and its import
// rebuilds every Map from JSON strings, which is the very work persistence is meant to skip).
// Packed, the whole index is one sorted term string and two Uint32Arrays: IndexedDB stores and
// returns them as flat copies, and loading only slices views.

/** The persisted form: terms sorted and joined by '\n', list lengths, then every list's ids. */
export interface PackedPostings {
  terms: string;
  counts: Uint32Array;
  ids: Uint32Array;
}

type List = number[] | Uint32Array;

export class Postings {
  private lists = new Map<string, List>();
  private sortedTerms: string[] | null = null;

  /** Records that document `id` contains `terms` (repeats are ignored). */
  add(id: number, terms: Iterable<string>): void {
    for (const term of terms) {
      let list = this.lists.get(term);
      if (list === undefined) {
        list = [];
        this.lists.set(term, list);
        this.sortedTerms = null;
      } else if (!Array.isArray(list)) {
        // A loaded list is a view into the packed ids: copy it once it grows again.
        list = Array.from(list);
        this.lists.set(term, list);
      }
      if (list.at(-1) !== id) list.push(id);
    }
  }

  /** The documents containing `term`, oldest first. */
  get(term: string): ArrayLike<number> {
    return this.lists.get(term) ?? EMPTY;
  }

  get termCount(): number {
    return this.lists.size;
  }

  clear(): void {
    this.lists.clear();
    this.sortedTerms = null;
  }

  /** Known terms starting with `prefix`, in code-unit order, at most `limit`. */
  expand(prefix: string, limit: number): string[] {
    this.sortedTerms ??= [...this.lists.keys()].sort();
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
    const sorted = [...this.lists.keys()].sort();
    const kept: string[] = [];
    const counts: number[] = [];
    let total = 0;
    for (const term of sorted) total += (this.lists.get(term) as List).length;
    const ids = new Uint32Array(total);
    let at = 0;
    for (const term of sorted) {
      const list = this.lists.get(term) as List;
      const start = at;
      for (let i = 0; i < list.length; i++) {
        const id = renumber(list[i] as number);
        if (id !== 0) ids[at++] = id;
      }
      if (at === start) continue;
      kept.push(term);
      counts.push(at - start);
    }
    return { terms: kept.join('\n'), counts: Uint32Array.from(counts), ids: ids.slice(0, at) };
  }

  /** Replaces the contents with a packed index; lists become views into `packed.ids`. */
  load(packed: PackedPostings): void {
    this.lists.clear();
    const terms = packed.terms === '' ? [] : packed.terms.split('\n');
    if (terms.length !== packed.counts.length) throw new Error('Packed postings do not match');
    let at = 0;
    for (let i = 0; i < terms.length; i++) {
      const count = packed.counts[i] as number;
      this.lists.set(terms[i] as string, packed.ids.subarray(at, at + count));
      at += count;
    }
    if (at !== packed.ids.length) throw new Error('Packed postings do not match');
    // Packed terms are already sorted: prefix expansion needs no sort after a load.
    this.sortedTerms = terms;
  }
}

const EMPTY: ArrayLike<number> = [];
