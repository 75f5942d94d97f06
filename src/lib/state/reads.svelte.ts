import {
  getDb,
  readIds,
  restoreReadMarks,
  setRead,
  unreadCounts,
  type PreviousMark,
  type UnreadCounts,
} from '../db';

/** Its own channel, as bookmarks have: a read mark is not a sync announcement. */
const CHANNEL = 'folio-reads';

interface ReadsChanged {
  type: 'reads-changed';
}

function isReadsChanged(data: unknown): data is ReadsChanged {
  return (
    typeof data === 'object' && data !== null && 'type' in data && data.type === 'reads-changed'
  );
}

export type { PreviousMark, UnreadCounts };

/**
 * What the reader has read: whether each listed article is, and unread counts in all and per
 * category. Marks are written at once and told to other tabs, which read them again.
 */
class ReadState {
  #read = $state.raw<ReadonlySet<string>>(new Set());
  #unread = $state.raw<UnreadCounts>({ total: 0, byCategory: new Map() });
  /** The ids and categories views asked about: read again when another tab changes marks. */
  #watched = new Set<string>();
  #categories: readonly string[] = [];
  #outgoing: BroadcastChannel | null = null;
  #incoming: BroadcastChannel | null = null;

  isRead(id: string): boolean {
    return this.#read.has(id);
  }

  get unread(): UnreadCounts {
    return this.#unread;
  }

  /** Follows changes made in other tabs. */
  start(): void {
    if (this.#incoming || typeof BroadcastChannel === 'undefined') return;
    this.#incoming = new BroadcastChannel(CHANNEL);
    this.#incoming.onmessage = (event: MessageEvent<unknown>) => {
      if (isReadsChanged(event.data)) void this.reload();
    };
  }

  stop(): void {
    this.#incoming?.close();
    this.#incoming = null;
    this.#outgoing?.close();
    this.#outgoing = null;
  }

  /** Reads which of `ids` are read (a list calls it with the articles it shows). */
  async load(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.#watched.add(id);
    try {
      const read = await readIds(await getDb(), ids);
      const asked = new Set(ids);
      // A new set, never a mutated one: `#read` is raw state and changes by reassignment.
      this.#read = new Set([...[...this.#read].filter((id) => !asked.has(id)), ...read]);
    } catch (error) {
      console.error('Could not read which articles are read', error);
    }
  }

  /** Counts unread articles, in all and in each of `categories`. */
  async count(categories: readonly string[]): Promise<void> {
    this.#categories = categories;
    try {
      this.#unread = await unreadCounts(await getDb(), categories);
    } catch (error) {
      console.error('Could not count unread articles', error);
    }
  }

  /**
   * Marks `ids` read or unread, shown at once; returns what `undo` needs. Throws, showing the old
   * state again, when the change could not be saved.
   */
  async mark(ids: readonly string[], read: boolean): Promise<PreviousMark[]> {
    const before = this.#read;
    for (const id of ids) this.#watched.add(id);
    const changed = new Set(ids);
    const others = [...before].filter((id) => !changed.has(id));
    this.#read = new Set(read ? [...others, ...ids] : others);
    let previous: PreviousMark[];
    try {
      previous = await setRead(await getDb(), ids, read);
    } catch (error) {
      this.#read = before;
      throw error;
    }
    await this.changed();
    return previous;
  }

  /** Puts back the marks a `mark` changed. */
  async undo(previous: readonly PreviousMark[]): Promise<void> {
    await restoreReadMarks(await getDb(), previous);
    await this.reload();
    this.announce();
  }

  private async changed(): Promise<void> {
    this.announce();
    await this.count(this.#categories);
  }

  private async reload(): Promise<void> {
    await Promise.all([this.load([...this.#watched]), this.count(this.#categories)]);
  }

  private announce(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#outgoing ??= new BroadcastChannel(CHANNEL);
    this.#outgoing.postMessage({ type: 'reads-changed' } satisfies ReadsChanged);
  }
}

export const reads = new ReadState();
