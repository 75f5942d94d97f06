import { categoryCounts, getDb } from '../db';

/**
 * How many saved articles each category has, counted in the category index (no record is
 * read). The filtered list itself is `savedList`'s; picking categories never recounts.
 */
class CategoryView {
  #counts = $state.raw<Map<string, number>>(new Map());
  #counted = $state(false);
  #key = '';

  get counts(): Map<string, number> {
    return this.#counts;
  }

  /** False until the first count lands: until then the filter offers every declared category. */
  get counted(): boolean {
    return this.#counted;
  }

  /** Counts `ids` as of library revision `revision`; the same question twice is asked once. */
  async loadCounts(ids: readonly string[], revision: number): Promise<void> {
    const key = `${revision}:${ids.join(',')}`;
    if (key === this.#key) return;
    this.#key = key;
    try {
      const counts = await categoryCounts(await getDb(), [...ids]);
      if (this.#key === key) {
        this.#counts = counts;
        this.#counted = true;
      }
    } catch (error) {
      if (this.#key === key) this.#key = '';
      console.error('Could not count articles per category', error);
    }
  }
}

export const categoryView = new CategoryView();
