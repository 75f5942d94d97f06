// Scores documents for a query with BM25 over the stored field-weighted frequencies (weights.ts):
// per query term, the best of the words it stands for (itself, words it begins, words one typo
// away), a prefix or a typo counting less than the whole word; summed over the terms. Typed
// arrays as wide as the document numbers stand in for maps: a query touches tens of thousands of
// postings, and hashing each took most of its time.
import { WEIGHT_SCALE } from './weights';
import type { Postings } from './postings';

/** BM25's saturation: a term's tenth occurrence adds little over its third. */
const K1 = 1.2;

/** A word a query term stands for, and how much a match on it counts. */
export interface Variant {
  word: string;
  factor: number;
  /** Whether to look the word up beyond titles and authors too. */
  inBodies: boolean;
}

export class Ranker {
  /** Per document: its score so far. */
  private scores = new Float64Array(0);
  /** Per document: how many query terms it matched. */
  private matchedTerms = new Uint8Array(0);
  /** Per document: its best score for the current term. */
  private termBest = new Float64Array(0);
  /** Per document: the current word's summed weights. */
  private wordWeight = new Uint32Array(0);
  /** Per document: whether it contains an excluded term. */
  private excludedDocs = new Uint8Array(0);
  /** Documents with a score, to reset before the next query. */
  private touched: number[] = [];
  private excludedTouched: number[] = [];

  constructor(
    private readonly headings: Postings,
    private readonly bodies: Postings,
  ) {}

  /**
   * Scores every document matching at least one of `terms` (each a list of variants) and marks
   * those containing any word of `excluded`. Returns the documents scored; read each with
   * `score` and `matched`, and the excluded with `excludedIds`, until the next call.
   */
  rank(terms: Variant[][], excluded: string[], idSpace: number, documents: number): number[] {
    this.reset(idSpace);
    const termTouched: number[] = [];
    const wordTouched: number[] = [];
    for (const variants of terms) {
      termTouched.length = 0;
      const idf = this.termRarity(variants, documents);
      for (const { word, factor, inBodies } of variants) {
        wordTouched.length = 0;
        this.sumWeights(this.headings, word, wordTouched);
        if (inBodies) this.sumWeights(this.bodies, word, wordTouched);
        for (const id of wordTouched) {
          const frequency = (this.wordWeight[id] as number) / WEIGHT_SCALE;
          this.wordWeight[id] = 0;
          const score = (factor * idf * frequency * (K1 + 1)) / (frequency + K1);
          const best = this.termBest[id] as number;
          if (best === 0) termTouched.push(id);
          if (score > best) this.termBest[id] = score;
        }
      }
      for (const id of termTouched) {
        if (this.matchedTerms[id] === 0) this.touched.push(id);
        this.scores[id] = (this.scores[id] as number) + (this.termBest[id] as number);
        this.matchedTerms[id] = (this.matchedTerms[id] as number) + 1;
        this.termBest[id] = 0;
      }
    }
    for (const word of excluded) {
      for (const postings of [this.headings, this.bodies]) {
        const { ids } = postings.get(word);
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i] as number;
          if (this.excludedDocs[id] === 0) this.excludedTouched.push(id);
          this.excludedDocs[id] = 1;
        }
      }
    }
    return this.touched;
  }

  /**
   * One idf per query term, from its most common word among those that count most (the term
   * itself when stored): so a word the term begins, however rare, never outranks the term.
   */
  private termRarity(variants: Variant[], documents: number): number {
    let factor = 0;
    let containing = 0;
    for (const variant of variants) {
      const count = Math.max(this.headings.count(variant.word), this.bodies.count(variant.word));
      if (count === 0 || variant.factor < factor) continue;
      if (variant.factor > factor) containing = 0;
      factor = variant.factor;
      containing = Math.max(containing, count);
    }
    return inverseFrequency(containing, documents);
  }

  score(id: number): number {
    return this.scores[id] as number;
  }

  matched(id: number): number {
    return this.matchedTerms[id] as number;
  }

  /** The documents containing an excluded term. */
  excludedIds(): readonly number[] {
    return this.excludedTouched;
  }

  private sumWeights(postings: Postings, word: string, touched: number[]): void {
    const { ids, weights } = postings.get(word);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (this.wordWeight[id] === 0) touched.push(id);
      this.wordWeight[id] = (this.wordWeight[id] as number) + (weights[i] as number);
    }
  }

  private reset(idSpace: number): void {
    if (this.scores.length < idSpace) {
      const size = Math.max(idSpace, this.scores.length * 2);
      this.scores = new Float64Array(size);
      this.matchedTerms = new Uint8Array(size);
      this.termBest = new Float64Array(size);
      this.wordWeight = new Uint32Array(size);
      this.excludedDocs = new Uint8Array(size);
      this.touched = [];
      this.excludedTouched = [];
      return;
    }
    for (const id of this.touched) {
      this.scores[id] = 0;
      this.matchedTerms[id] = 0;
    }
    for (const id of this.excludedTouched) this.excludedDocs[id] = 0;
    this.touched = [];
    this.excludedTouched = [];
  }
}

/** BM25's idf: rarer words say more; never negative. */
function inverseFrequency(containing: number, documents: number): number {
  const total = Math.max(documents, containing);
  return Math.log(1 + (total - containing + 0.5) / (containing + 0.5));
}
