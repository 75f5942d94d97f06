import { categoryCounts, getDb, summariesInCategories, type StoredSummary } from '../db';
import { library } from './library.svelte';

const LIST_LIMIT = 50;

/** The list filtered by the categories picked in the URL, and how many articles each has. */
class CategoryView {
  /** The categories the shown list is for (in URL order). */
  selected = $state.raw<string[]>([]);
  articles = $state.raw<StoredSummary[]>([]);
  counts = $state.raw<Map<string, number>>(new Map());
  phase = $state<'loading' | 'ready'>('loading');

  async load(selected: string[]): Promise<void> {
    const key = selected.join(',');
    if (key !== this.selected.join(',')) this.phase = 'loading';
    this.selected = selected;
    const db = await getDb();
    const declared = library.feed?.categories.map((category) => category.id) ?? [];
    const ids = [...new Set([...declared, ...selected])];
    const [counts, articles] = await Promise.all([
      categoryCounts(db, ids),
      selected.length > 0 ? summariesInCategories(db, selected, LIST_LIMIT) : Promise.resolve([]),
    ]);
    if (this.selected.join(',') !== key) return; // the reader picked again meanwhile
    this.counts = counts;
    this.articles = articles;
    this.phase = 'ready';
  }
}

export const categoryView = new CategoryView();
