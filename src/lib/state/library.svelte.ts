import {
  getDb,
  getFeedWithPaging,
  latestSummaries,
  type FeedMetaRecord,
  type ListedSummary,
} from '../db';

export type LibraryPhase = 'loading' | 'ready' | 'failed';

/** Enough for the first screens; start-up never reads every summary, nor any body. */
export const LATEST_LIMIT = 30;

/** What is saved: the feed's metadata and the newest summaries, read from IndexedDB. */
class Library {
  #feed = $state.raw<FeedMetaRecord | null>(null);
  #latest = $state.raw<ListedSummary[]>([]);
  #phase = $state<LibraryPhase>('loading');
  #revision = $state(0);
  #hasOlder = $state(false);

  get feed(): FeedMetaRecord | null {
    return this.#feed;
  }

  get latest(): ListedSummary[] {
    return this.#latest;
  }

  get phase(): LibraryPhase {
    return this.#phase;
  }

  /** Bumped whenever stored content changes, so views reading other records reload too. */
  get revision(): number {
    return this.#revision;
  }

  /** Whether the feed has older pages than those stored ("Load older" has something to do). */
  get hasOlder(): boolean {
    return this.#hasOlder;
  }

  /** Takes what the service worker read for the first screen, so the page renders it alike. */
  adopt(snapshot: {
    feed: FeedMetaRecord | null;
    latest: ListedSummary[];
    hasOlder: boolean;
  }): void {
    this.#feed = snapshot.feed;
    this.#latest = snapshot.latest;
    this.#hasOlder = snapshot.hasOlder;
    this.#phase = 'ready';
  }

  async refresh(): Promise<void> {
    try {
      const db = await getDb();
      // Side by side: each IndexedDB request is a round trip, and this is start-up.
      const [{ feed, hasOlder }, latest] = await Promise.all([
        getFeedWithPaging(db),
        latestSummaries(db, LATEST_LIMIT),
      ]);
      this.#feed = feed ?? null;
      this.#latest = latest;
      this.#hasOlder = hasOlder;
      this.#phase = 'ready';
    } catch (error) {
      console.error('Could not read saved articles', error);
      this.#phase = 'failed';
    }
    this.#revision++;
  }

  /** A category's label in `lang`, else in the feed's default language, else its id. */
  categoryName(id: string, lang: string): string {
    const category = this.#feed?.categories.find((candidate) => candidate.id === id);
    const names = category?.name ?? {};
    const key = (code: string) =>
      Object.keys(names).find((name) => name.toLowerCase() === code.toLowerCase());
    const match = key(lang) ?? (this.#feed ? key(this.#feed.defaultLanguage) : undefined);
    return (match && names[match]) || id;
  }
}

export const library = new Library();
