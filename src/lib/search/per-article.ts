// From scored documents (one per translation) to ranked articles: one place per article, at its
// best document's score, showing the reader's language when that translation matched too.

/** An article's place in the results: its best score, and the document shown for it. */
export interface Ranked {
  score: number;
  shown: number;
}

/** What the grouping reads of each document. */
export interface DocumentFacts {
  articleOf(id: number): number;
  score(id: number): number;
  lang(id: number): string;
  published(id: number): string;
}

export class ArticleRanking {
  /** Per article number, its place in the ranking being built plus one; 0 between calls. */
  private placeOf = new Uint32Array(0);

  constructor(private readonly facts: DocumentFacts) {}

  /**
   * Per article, its best-scoring document, shown in `preferLang` when that one matched too. By
   * article number in a typed array, not a Map of objects: a one-letter query at 50,000 articles
   * touches most of them.
   */
  group(ids: number[], articles: number, preferLang: string): Ranked[] {
    const { facts } = this;
    if (this.placeOf.length < articles) this.placeOf = new Uint32Array(articles * 2);
    const placeOf = this.placeOf;
    const ranked: Ranked[] = [];
    for (const id of ids) {
      const article = facts.articleOf(id);
      const score = facts.score(id);
      const place = placeOf[article] as number;
      if (place === 0) {
        ranked.push({ score, shown: id });
        placeOf[article] = ranked.length;
        continue;
      }
      const seen = ranked[place - 1] as Ranked;
      if (facts.lang(id) === preferLang) seen.shown = id;
      else if (facts.lang(seen.shown) !== preferLang && score >= seen.score) seen.shown = id;
      if (score > seen.score) seen.score = score;
    }
    for (const { shown } of ranked) placeOf[facts.articleOf(shown)] = 0;
    return ranked;
  }

  /** Higher score first; scores equal to three decimals, the newer article first. */
  readonly better = (a: Ranked, b: Ranked): boolean => {
    const difference = Math.round(a.score * 1000) - Math.round(b.score * 1000);
    if (difference !== 0) return difference > 0;
    return this.facts.published(a.shown) > this.facts.published(b.shown);
  };
}
