// Which documents a query matches, in the order results rank them: every query term must match;
// documents matching every term in a title or author come first, then the rest, each group in
// the order the first term's posting lists give. Typed arrays as wide as the document numbers
// stand in for sets: a query walks a few thousand ids, and hashing each into Sets took most of
// its time.
import type { Postings } from './postings';

/** Shorter query terms match body words exactly only (a one-letter prefix says little). */
export const MIN_BODY_PREFIX = 3;
/** Body words a query prefix is widened to at most; past that it is too short to say much. */
export const MAX_EXPANSIONS = 64;

export class Matcher {
  /** Per document: how many of the query's terms, in order, matched it in titles and authors. */
  private inFields = new Uint32Array(0);
  /** Per document: how many of the query's terms, in order, matched it anywhere. */
  private anywhere = new Uint32Array(0);
  /** Per document: the last term (1-based) that listed it, so each term counts it once. */
  private listedBy = new Uint32Array(0);

  /** Whether the last match stopped listing some term's documents at the limit. */
  truncated = false;

  constructor(
    private readonly fields: Postings,
    private readonly bodies: Postings,
  ) {}

  /**
   * Documents (numbered below `idSpace`) matching every one of `queryTerms` (distinct), each
   * term looked up to `limit` documents.
   */
  match(queryTerms: string[], limit: number, idSpace: number): number[] {
    this.reset(idSpace);
    this.truncated = false;
    let firstInFields: number[] = [];
    let firstAnywhere: number[] = [];
    for (let at = 0; at < queryTerms.length; at++) {
      const term = queryTerms[at] as string;
      const stamp = at + 1;
      const inFields = this.listed(
        this.fields,
        this.fields.expand(term, Infinity),
        limit,
        stamp,
        [],
      );
      const words =
        term.length >= MIN_BODY_PREFIX ? this.bodies.expand(term, MAX_EXPANSIONS) : [term];
      const anywhere = this.listed(this.bodies, words, limit, stamp, [...inFields]);
      for (const id of inFields) if (this.inFields[id] === at) this.inFields[id] = stamp;
      let alive = 0;
      for (const id of anywhere) {
        if (this.anywhere[id] !== at) continue;
        this.anywhere[id] = stamp;
        alive++;
      }
      if (alive === 0) return [];
      if (at === 0) {
        firstInFields = inFields;
        firstAnywhere = anywhere;
      }
    }
    const all = queryTerms.length;
    const found: number[] = [];
    for (const id of firstInFields) if (this.inFields[id] === all) found.push(id);
    for (const id of firstAnywhere) {
      if (this.anywhere[id] === all && this.inFields[id] !== all) found.push(id);
    }
    return found;
  }

  /** Adds to `into` the documents of `words` not listed by this term yet, until it holds `limit`. */
  private listed(
    postings: Postings,
    words: string[],
    limit: number,
    stamp: number,
    into: number[],
  ): number[] {
    for (const word of words) {
      const list = postings.get(word);
      for (let i = 0; i < list.length; i++) {
        const id = list[i] as number;
        if (this.listedBy[id] === stamp) continue;
        if (into.length >= limit) {
          this.truncated = true;
          return into;
        }
        this.listedBy[id] = stamp;
        into.push(id);
      }
    }
    return into;
  }

  private reset(idSpace: number): void {
    if (this.listedBy.length < idSpace) {
      const size = Math.max(idSpace, this.listedBy.length * 2);
      this.inFields = new Uint32Array(size);
      this.anywhere = new Uint32Array(size);
      this.listedBy = new Uint32Array(size);
      return;
    }
    this.inFields.fill(0, 0, idSpace);
    this.anywhere.fill(0, 0, idSpace);
    this.listedBy.fill(0, 0, idSpace);
  }
}
