// Scores documents for a query with BM25 over the stored field-weighted frequencies (weights.ts):
// per query term, the best of the words it stands for (itself, words it begins, words one typo
// away), a prefix or a typo counting less than the whole word; summed over the terms. Typed
// arrays as wide as the document numbers stand in for maps and lists: a query touches tens of
// thousands of postings, and hashing or pushing each took most of its time.
import { WEIGHT_SCALE } from './weights';
import type { Postings } from './postings';

/** BM25's saturation: a term's tenth occurrence adds little over its third. */
const K1 = 1.2;
/** A stored weight is one byte per index; a word is in two indexes at most. */
const MAX_SUMMED_WEIGHT = 2 * 255;

/** BM25's term-frequency part per summed stored weight, computed once rather than per posting. */
const SATURATION = Float64Array.from({ length: MAX_SUMMED_WEIGHT + 1 }, (_, weight) => {
  const frequency = weight / WEIGHT_SCALE;
  return (frequency * (K1 + 1)) / (frequency + K1);
});

/** A word a query term stands for, and how much a match on it counts. */
export interface Variant {
  word: string;
  factor: number;
  /** Whether to look the word up beyond titles and authors too. */
  inBodies: boolean;
}

/** Document numbers collected in a preallocated buffer: `count` of them, in `ids`. */
class IdList {
  ids = new Uint32Array(0);
  count = 0;

  fit(size: number): void {
    if (this.ids.length < size) this.ids = new Uint32Array(size);
    this.count = 0;
  }

  push(id: number): void {
    this.ids[this.count++] = id;
  }

  view(): Uint32Array {
    return this.ids.subarray(0, this.count);
  }
}

export class Ranker {
  /** Per document: its score so far. */
  private scores = new Float64Array(0);
  /** Per document: how many query terms it matched. */
  private matchedTerms = new Uint8Array(0);
  /** Per document: its best score for the current term. */
  private termBest = new Float64Array(0);
  /** Per document: the current word's summed weights. */
  private wordWeight = new Uint16Array(0);
  /** Per document: whether it contains an excluded term. */
  private excludedDocs = new Uint8Array(0);
  /** Documents with a score, to reset before the next query. */
  private readonly touched = new IdList();
  private readonly termTouched = new IdList();
  private readonly wordTouched = new IdList();
  private readonly excludedTouched = new IdList();

  constructor(
    private readonly headings: Postings,
    private readonly bodies: Postings,
  ) {}

  /**
   * Scores every document matching at least one of `terms` (each a list of variants) and marks
   * those containing any word of `excluded`. Returns the documents scored; read each with
   * `score` and `matched`, and the excluded with `excludedIds`, until the next call.
   */
  rank(terms: Variant[][], excluded: string[], idSpace: number, documents: number): Uint32Array {
    if (this.scores.length < idSpace) this.grow(idSpace);
    else this.reset();
    const { scores, matchedTerms, termBest, termTouched, touched } = this;
    // Counted loops, not for-of: the engine's optimised code for this method was thrown away
    // whenever an array of another elements kind (an empty one) came by.
    for (let t = 0; t < terms.length; t++) {
      const variants = terms[t] as Variant[];
      termTouched.count = 0;
      const idf = this.termRarity(variants, documents);
      for (let v = 0; v < variants.length; v++) this.scoreWord(variants[v] as Variant, idf);
      const ids = termTouched.ids;
      for (let i = 0; i < termTouched.count; i++) {
        const id = ids[i] as number;
        const matched = matchedTerms[id] as number;
        if (matched === 0) touched.push(id);
        scores[id] = (scores[id] as number) + (termBest[id] as number);
        matchedTerms[id] = matched + 1;
        termBest[id] = 0;
      }
    }
    for (let w = 0; w < excluded.length; w++) {
      this.markExcluded(this.headings, excluded[w] as string);
      this.markExcluded(this.bodies, excluded[w] as string);
    }
    return touched.view();
  }

  /** Raises each document's best score for the current term to what `variant` gives it. */
  private scoreWord({ word, factor, inBodies }: Variant, idf: number): void {
    const { wordWeight, termBest, termTouched, wordTouched } = this;
    wordTouched.count = 0;
    this.sumWeights(this.headings, word);
    if (inBodies) this.sumWeights(this.bodies, word);
    const scale = factor * idf;
    const ids = wordTouched.ids;
    for (let i = 0; i < wordTouched.count; i++) {
      const id = ids[i] as number;
      const score = scale * (SATURATION[wordWeight[id] as number] as number);
      wordWeight[id] = 0;
      const best = termBest[id] as number;
      if (best === 0) termTouched.push(id);
      if (score > best) termBest[id] = score;
    }
  }

  /**
   * One idf per query term, from its most common word among those that count most (the term
   * itself when stored): so a word the term begins, however rare, never outranks the term.
   */
  private termRarity(variants: Variant[], documents: number): number {
    let factor = 0;
    let containing = 0;
    for (let v = 0; v < variants.length; v++) {
      const variant = variants[v] as Variant;
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
  excludedIds(): Uint32Array {
    return this.excludedTouched.view();
  }

  private sumWeights(postings: Postings, word: string): void {
    const { ids, weights } = postings.get(word);
    const { wordWeight, wordTouched } = this;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      const sum = wordWeight[id] as number;
      if (sum === 0) wordTouched.push(id);
      wordWeight[id] = sum + (weights[i] as number);
    }
  }

  private markExcluded(postings: Postings, word: string): void {
    const { ids } = postings.get(word);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (this.excludedDocs[id] === 0) this.excludedTouched.push(id);
      this.excludedDocs[id] = 1;
    }
  }

  /**
   * Forgets the last query. Growing is apart (grow): a branch that ran once, at the first query,
   * had no type feedback, and reaching it again threw the optimised code away.
   */
  private reset(): void {
    const { scores, matchedTerms, excludedDocs } = this;
    const touched = this.touched.ids;
    for (let i = 0; i < this.touched.count; i++) {
      const id = touched[i] as number;
      scores[id] = 0;
      matchedTerms[id] = 0;
    }
    const excluded = this.excludedTouched.ids;
    for (let i = 0; i < this.excludedTouched.count; i++) excludedDocs[excluded[i] as number] = 0;
    this.touched.count = 0;
    this.termTouched.count = 0;
    this.wordTouched.count = 0;
    this.excludedTouched.count = 0;
  }

  /** Makes room for document numbers below `idSpace`, every score 0. */
  private grow(idSpace: number): void {
    const size = Math.max(idSpace, this.scores.length * 2);
    this.scores = new Float64Array(size);
    this.matchedTerms = new Uint8Array(size);
    this.termBest = new Float64Array(size);
    this.wordWeight = new Uint16Array(size);
    this.excludedDocs = new Uint8Array(size);
    for (const list of [this.touched, this.termTouched, this.wordTouched, this.excludedTouched]) {
      list.fit(size);
    }
  }
}

/** BM25's idf: rarer words say more; never negative. */
function inverseFrequency(containing: number, documents: number): number {
  const total = Math.max(documents, containing);
  return Math.log(1 + (total - containing + 0.5) / (containing + 0.5));
}
