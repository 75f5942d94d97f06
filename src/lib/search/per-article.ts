// From scored documents (one per translation) to ranked articles: one place per article, at its
// best document's score, showing the reader's language when that translation matched too. By
// article number in typed arrays, not a Map of objects: a short query at 50,000 articles touches
// most of them, and an object per article cost more than the scoring.
import { topOf } from './top';

/** What the ranking reads of each document. */
export interface DocumentFacts {
  /** When two articles score the same, the newer ranks first. */
  published(id: number): string;
}

export class ArticleRanking {
  /** Per article number: its best score so far. */
  private best = new Float64Array(0);
  /** Per article number: the document shown for it, 0 before it is ranked. */
  private shown = new Uint32Array(0);
  /** Per article number: whether the document shown is in the preferred language. */
  private preferred = new Uint8Array(0);
  /** The article numbers ranked, in the order first seen. */
  private ranked = new Uint32Array(0);
  private count = 0;

  constructor(private readonly facts: DocumentFacts) {}

  /** Starts a ranking over article numbers below `articles`, forgetting the last one. */
  start(articles: number): void {
    if (this.best.length < articles) {
      this.grow(articles * 2);
      return;
    }
    const { shown, ranked } = this;
    for (let i = 0; i < this.count; i++) shown[ranked[i] as number] = 0;
    this.count = 0;
  }

  /** Apart from start, whose optimised code a branch without type feedback threw away. */
  private grow(size: number): void {
    this.best = new Float64Array(size);
    this.shown = new Uint32Array(size);
    this.preferred = new Uint8Array(size);
    this.ranked = new Uint32Array(size);
    this.count = 0;
  }

  /** Ranks document `id` of `article` at `score`; `inPreferred` if it is in the reader's language. */
  add(id: number, article: number, score: number, inPreferred: boolean): void {
    const shown = this.shown[article] as number;
    if (shown === 0) {
      this.ranked[this.count++] = article;
      this.best[article] = score;
      this.shown[article] = id;
      this.preferred[article] = inPreferred ? 1 : 0;
      return;
    }
    const best = this.best[article] as number;
    if (inPreferred || (this.preferred[article] === 0 && score >= best)) {
      this.shown[article] = id;
      this.preferred[article] = inPreferred ? 1 : 0;
    }
    if (score > best) this.best[article] = score;
  }

  /** How many articles are ranked. */
  get size(): number {
    return this.count;
  }

  /** The documents shown for the `limit` best articles, best first. */
  top(limit: number): number[] {
    const articles = topOf(this.ranked.subarray(0, this.count), limit, this.better);
    return articles.map((article) => this.shown[article] as number);
  }

  private readonly better = (a: number, b: number): boolean => {
    const order = scoreOrder(this.best[a] as number, this.best[b] as number);
    if (order !== 0) return order > 0;
    const { published } = this.facts;
    return published(this.shown[a] as number) > published(this.shown[b] as number);
  };
}

/** Positive when score `a` ranks above `b`, 0 when they are equal to three decimals (a tie). */
export function scoreOrder(a: number, b: number): number {
  return Math.round(a * 1000) - Math.round(b * 1000);
}
