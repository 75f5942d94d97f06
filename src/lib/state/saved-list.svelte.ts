import { categoryCounts, countSummaries, getDb, type ListedSummary } from '../db';
import { categoriesPage, newestPage, type ListKey, type ListPage } from '../db/list-queries';
import { library } from './library.svelte';

export type SavedListPhase = 'loading' | 'ready' | 'failed';

/** A first screen of headlines, with some to spare. */
const FIRST_PAGE = 30;
/** Later pages, read as the reader nears the end of what is read so far. */
const PAGE = 200;

const keyOf = (summary: ListedSummary): ListKey => ({
  publishedMs: summary.publishedMs,
  id: summary.id,
});

/**
 * The saved articles a list shows, newest first, read from IndexedDB a page at a time as the
 * reader scrolls (never every summary at once). Scope: every article, or those in any of the
 * picked categories. For every article the first page is the library's newest summaries,
 * which start-up reads anyway, so the first screen costs no read of its own.
 */
class SavedList {
  #scope = $state.raw<readonly string[]>([]);
  /** Only unread articles: their pages are read, then filtered by the read marks. */
  #unread = $state(false);
  /** What this list read itself; null while it shows the library's newest (or reads a scope). */
  #own = $state.raw<ListedSummary[] | null>(null);
  #phase = $state<SavedListPhase>('loading');
  #complete = $state(false);
  /** How many articles the scope has (`aria-setsize`); -1 while unknown. */
  #total = $state(-1);

  #revision = -1;
  /** Bumped whenever what was read is replaced, so that a slower, older read is dropped. */
  #generation = 0;
  #reading: Promise<void> | null = null;
  /** How far the reader's window reaches (an index): a refresh re-reads at least that far. */
  #reach = 0;
  /**
   * Read with every page before the page shows: the read marks, once loaded, so that a list and
   * its cards' marks arrive in one frame rather than the marks a round trip later.
   */
  alongside: ((ids: string[]) => Promise<void>) | null = null;
  readonly #heights = new Map<string, number>();
  #scrollY = 0;

  /** Measured card heights by article id, kept across visits so that a return lays out at once. */
  get heights(): Map<string, number> {
    return this.#heights;
  }

  /** Where the page was scrolled when the list was left, for a return by "back". */
  get scrollY(): number {
    return this.#scrollY;
  }

  /** The reader's window now reaches index `end`. */
  reached(end: number): void {
    this.#reach = end;
  }

  /** The page is scrolled to `y`: a return by "back" scrolls there again. */
  scrolled(y: number): void {
    this.#scrollY = y;
  }

  get scope(): readonly string[] {
    return this.#scope;
  }

  get items(): ListedSummary[] {
    if (this.#own) return this.#own;
    return this.#isLatest ? library.latest : [];
  }

  get phase(): SavedListPhase {
    if (this.#own || !this.#isLatest) return this.#phase;
    return library.phase;
  }

  /** Whether every summary of the scope has been read. */
  get complete(): boolean {
    return this.#complete;
  }

  get total(): number {
    return this.#complete ? this.items.length : this.#total;
  }

  /**
   * Shows `categories` (every article when empty) as of library revision `revision`: a new scope
   * starts from its newest page; a new revision re-reads what the reader has in view.
   */
  use(categories: readonly string[], revision: number, unread = false): void {
    if (categories.join(',') !== this.#scope.join(',') || unread !== this.#unread) {
      this.#revision = revision;
      void this.#show(categories, unread);
    } else if (revision !== this.#revision) {
      this.#revision = revision;
      void this.refresh();
    }
  }

  /** Reads the next page after what is shown, unless one is being read or there is no more. */
  more(): Promise<void> {
    if (this.#reading) return this.#reading;
    const shown = this.items;
    const last = shown.at(-1);
    if (this.#complete || !last || this.phase !== 'ready') return Promise.resolve();
    const generation = this.#generation;
    const scope = this.#scope;
    this.#reading = this.#read(scope, keyOf(last), PAGE)
      .then((page) => {
        if (generation !== this.#generation) return;
        // A sync may have stored a new date for a shown article since it was read, so the page
        // can hold it again; listed twice, it would break the keyed list. The refresh that
        // sync's announcement brings puts it in its new place.
        const listed = new Set(shown.map((item) => item.id));
        this.#own = [...shown, ...page.items.filter((item) => !listed.has(item.id))];
        this.#complete = page.next === null;
        this.#phase = 'ready';
      })
      .catch((error: unknown) => console.error('Could not read more saved articles', error))
      .finally(() => {
        this.#reading = null;
      });
    return this.#reading;
  }

  /** Re-reads from the newest as far as the reader has in view, after stored content changed. */
  async refresh(): Promise<void> {
    const scope = this.#scope;
    const generation = ++this.#generation;
    this.#reading = null;
    const current = this.#own;
    if (this.#isLatest && current === null) {
      // The library's newest are already current; only the count may have changed.
      this.#complete = false;
      void this.#count(scope, generation);
      return;
    }
    const need = Math.max(FIRST_PAGE, Math.min(current?.length ?? 0, this.#reach + PAGE));
    if (this.#isLatest && need <= library.latest.length) {
      this.#own = null;
      this.#complete = false;
      void this.#count(scope, generation);
      return;
    }
    await this.#load(scope, need, generation);
  }

  /** The scope is every article, read or not: its first page is the library's newest. */
  get #isLatest(): boolean {
    return this.#scope.length === 0 && !this.#unread;
  }

  async #show(scope: readonly string[], unread: boolean): Promise<void> {
    const generation = ++this.#generation;
    // Until the new scope's first page is read (a few ms), the list stays up, marked busy:
    // tearing it down and building it again would cost more than the read.
    const stale = this.items;
    this.#reading = null;
    this.#scope = scope;
    this.#unread = unread;
    this.#own = this.#isLatest || stale.length === 0 ? null : stale;
    this.#complete = false;
    this.#total = -1;
    this.#reach = 0;
    this.#scrollY = 0;
    if (this.#isLatest) {
      void this.#count(scope, generation);
      return;
    }
    this.#phase = 'loading';
    await this.#load(scope, FIRST_PAGE, generation);
  }

  async #load(scope: readonly string[], limit: number, generation: number): Promise<void> {
    void this.#count(scope, generation);
    try {
      const page = await this.#read(scope, null, limit);
      if (generation !== this.#generation) return;
      this.#own = page.items;
      this.#complete = page.next === null;
      this.#phase = 'ready';
    } catch (error) {
      if (generation !== this.#generation) return;
      console.error('Could not read saved articles', error);
      this.#own = null;
      this.#phase = 'failed';
    }
  }

  async #read(scope: readonly string[], after: ListKey | null, limit: number): Promise<ListPage> {
    const db = await getDb();
    const readPage = (from: ListKey | null) =>
      scope.length === 0 ? newestPage(db, from, limit) : categoriesPage(db, scope, from, limit);
    const page = this.#unread
      ? (await import('../db/unread-pages')).unreadPage(db, readPage, after, limit)
      : readPage(after);
    // The marks never hold the list back: a failure to read them is theirs to report.
    await this.alongside?.((await page).items.map((item) => item.id)).catch(() => undefined);
    return page;
  }

  /** Counted in the indexes, without reading a record; several categories (or unread only, which
   * the read marks' chunk counts) stay unknown. */
  async #count(scope: readonly string[], generation: number): Promise<void> {
    if (scope.length > 1 || this.#unread) return;
    try {
      const db = await getDb();
      const [category] = scope;
      const total =
        category === undefined
          ? await countSummaries(db)
          : ((await categoryCounts(db, [category])).get(category) ?? -1);
      if (generation === this.#generation) this.#total = total;
    } catch {
      // The size of the set is a courtesy to screen readers: unknown (-1) is allowed.
    }
  }
}

export const savedList = new SavedList();
