import { getArticle, getDb, getSummary, type StoredArticle, type StoredSummary } from '../db';

export type ReaderPhase = 'loading' | 'ready' | 'missing';

/** The article being read: its summary and, once saved, its full text. */
class Reader {
  #id = $state<string | null>(null);
  #phase = $state<ReaderPhase>('loading');
  #summary = $state.raw<StoredSummary | null>(null);
  #article = $state.raw<StoredArticle | null>(null);

  get id(): string | null {
    return this.#id;
  }

  get phase(): ReaderPhase {
    return this.#phase;
  }

  get summary(): StoredSummary | null {
    return this.#summary;
  }

  get article(): StoredArticle | null {
    return this.#article;
  }

  async open(id: string): Promise<void> {
    if (id !== this.#id) {
      this.#id = id;
      this.#phase = 'loading';
      this.#summary = null;
      this.#article = null;
    }
    const db = await getDb();
    const [summary, article] = await Promise.all([getSummary(db, id), getArticle(db, id)]);
    if (this.#id !== id) return; // the reader moved on while this was read
    this.#summary = summary ?? null;
    this.#article = article ?? null;
    this.#phase = summary || article ? 'ready' : 'missing';
  }
}

export const reader = new Reader();
