import { deleteHighlight, getDb, highlightsOf, putHighlight, type Highlight } from '../db';
import type { Selectors } from '../annotations/anchor';

/** Their own channel, as bookmarks and read marks have: other tabs read them again. */
const CHANNEL = 'folio-highlights';

interface HighlightsChanged {
  type: 'highlights-changed';
  articleId: string;
}

function isHighlightsChanged(data: unknown): data is HighlightsChanged {
  return (
    typeof data === 'object' &&
    data !== null &&
    'type' in data &&
    data.type === 'highlights-changed' &&
    'articleId' in data &&
    typeof data.articleId === 'string'
  );
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `h-${Date.now()}-${Math.random().toString(36)}`;
}

/**
 * The highlights of the article on screen, in every translation (each is shown in its own).
 * Every change is saved at once and told to other tabs.
 */
class ArticleHighlights {
  #articleId = $state<string | null>(null);
  #list = $state.raw<Highlight[]>([]);
  #outgoing: BroadcastChannel | null = null;
  #incoming: BroadcastChannel | null = null;

  get articleId(): string | null {
    return this.#articleId;
  }

  /** The article's highlights made in `lang`, oldest first. */
  inLanguage(lang: string): Highlight[] {
    return this.#list.filter((highlight) => highlight.lang === lang);
  }

  /** Reads the highlights of `articleId`, and follows other tabs' changes to them. */
  async open(articleId: string): Promise<void> {
    this.#articleId = articleId;
    if (!this.#incoming && typeof BroadcastChannel !== 'undefined') {
      this.#incoming = new BroadcastChannel(CHANNEL);
      this.#incoming.onmessage = (event: MessageEvent<unknown>) => {
        if (isHighlightsChanged(event.data) && event.data.articleId === this.#articleId) {
          void this.#reload();
        }
      };
    }
    await this.#reload();
  }

  close(): void {
    this.#incoming?.close();
    this.#incoming = null;
    this.#articleId = null;
    this.#list = [];
  }

  /** Saves a new highlight of `selectors` in translation `lang`; returns it. */
  async add(lang: string, selectors: Selectors, now = Date.now()): Promise<Highlight> {
    const articleId = this.#articleId;
    if (articleId === null) throw new Error('No article is open');
    const highlight: Highlight = {
      id: newId(),
      articleId,
      lang,
      quote: selectors.quote,
      position: selectors.position,
      note: '',
      createdAt: now,
      changedAt: now,
      deletedAt: null,
    };
    await putHighlight(await getDb(), highlight);
    this.#list = [...this.#list, highlight];
    this.#announce(articleId);
    return highlight;
  }

  /** Saves `note` on highlight `id`. */
  async setNote(id: string, note: string, now = Date.now()): Promise<void> {
    const highlight = this.#list.find((candidate) => candidate.id === id);
    if (!highlight || highlight.note === note) return;
    const changed = { ...highlight, note, changedAt: now };
    await putHighlight(await getDb(), changed);
    this.#list = this.#list.map((candidate) => (candidate.id === id ? changed : candidate));
    this.#announce(highlight.articleId);
  }

  /** Deletes highlight `id` and its note. */
  async remove(id: string): Promise<void> {
    const highlight = this.#list.find((candidate) => candidate.id === id);
    if (!highlight) return;
    await deleteHighlight(await getDb(), id);
    this.#list = this.#list.filter((candidate) => candidate.id !== id);
    this.#announce(highlight.articleId);
  }

  async #reload(): Promise<void> {
    const articleId = this.#articleId;
    if (articleId === null) return;
    try {
      const list = await highlightsOf(await getDb(), articleId);
      if (articleId === this.#articleId) this.#list = list;
    } catch (error) {
      console.error('Could not read the highlights', error);
    }
  }

  #announce(articleId: string): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#outgoing ??= new BroadcastChannel(CHANNEL);
    this.#outgoing.postMessage({
      type: 'highlights-changed',
      articleId,
    } satisfies HighlightsChanged);
  }
}

export const articleHighlights = new ArticleHighlights();
