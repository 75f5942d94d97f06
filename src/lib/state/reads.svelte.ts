// The read marks' styles (the unread dot, the divider of what is new) come with them.
import '../../styles/reader-layer.css';
import {
  getDb,
  idsInScope,
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
class ReadMarksState {
  /** Whether each article asked about is read; absent while not read from storage yet. */
  #marks = $state.raw<ReadonlyMap<string, boolean>>(new Map());
  #unread = $state.raw<UnreadCounts>({ total: 0, byCategory: new Map() });
  /** The ids and categories views asked about: read again when another tab changes marks. */
  #watched = new Set<string>();
  #categories: readonly string[] = [];
  /** What the counts on show were taken for: the categories and the library's revision. */
  #countedFor = '';
  #outgoing: BroadcastChannel | null = null;
  #incoming: BroadcastChannel | null = null;

  /** Whether `id` is read; undefined until a view has asked (`load`). */
  isRead(id: string): boolean | undefined {
    return this.#marks.get(id);
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
    // Marks already read stay current by themselves: changed here, or reloaded on a message.
    const unknown = ids.filter((id) => !this.#marks.has(id));
    if (unknown.length > 0) await this.#read(unknown);
  }

  async #read(ids: readonly string[]): Promise<void> {
    try {
      const read = await readIds(await getDb(), ids);
      // A new map, never a mutated one: `#marks` is raw state and changes by reassignment.
      this.#marks = new Map([...this.#marks, ...ids.map((id) => [id, read.has(id)] as const)]);
    } catch (error) {
      console.error('Could not read which articles are read', error);
    }
  }

  /**
   * Counts unread articles, in all and in each of `categories`, at library revision `revision`:
   * once, however often a view asks (each category switch does); a change of marks recounts.
   */
  async count(categories: readonly string[], revision: number): Promise<void> {
    const key = `${revision} ${[...categories].sort().join(' ')}`;
    if (key === this.#countedFor) return;
    this.#countedFor = key;
    this.#categories = categories;
    await this.#recount();
  }

  async #recount(): Promise<void> {
    const categories = this.#categories;
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
    const before = this.#marks;
    for (const id of ids) this.#watched.add(id);
    this.#marks = new Map([...before, ...ids.map((id) => [id, read] as const)]);
    let previous: PreviousMark[];
    try {
      previous = await setRead(await getDb(), ids, read);
    } catch (error) {
      this.#marks = before;
      throw error;
    }
    await this.changed();
    return previous;
  }

  /** Marks `id` read if it is not, else unread. */
  toggle(id: string): Promise<PreviousMark[]> {
    return this.mark([id], this.isRead(id) !== true);
  }

  /**
   * Marks every unread article in any of `categories` (all when none) read, the ones not in view
   * too; returns what `undo` needs, empty when there was nothing unread.
   */
  async markAll(categories: readonly string[]): Promise<PreviousMark[]> {
    const db = await getDb();
    const ids = await idsInScope(db, categories);
    const read = await readIds(db, ids);
    const unread = ids.filter((id) => !read.has(id));
    return unread.length === 0 ? [] : this.mark(unread, true);
  }

  /** Puts back the marks a `mark` changed. */
  async undo(previous: readonly PreviousMark[]): Promise<void> {
    await restoreReadMarks(await getDb(), previous);
    await this.reload();
    this.announce();
  }

  /** Reads the marks again after they changed in storage (an import), and tells other tabs. */
  async refresh(): Promise<void> {
    await this.reload();
    this.announce();
  }

  private async changed(): Promise<void> {
    this.announce();
    await this.#recount();
  }

  private async reload(): Promise<void> {
    await Promise.all([this.#read([...this.#watched]), this.#recount()]);
  }

  private announce(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#outgoing ??= new BroadcastChannel(CHANNEL);
    this.#outgoing.postMessage({ type: 'reads-changed' } satisfies ReadsChanged);
  }
}

export const reads = new ReadMarksState();

/** The read state, as components receive it once its chunk is in. */
export type ReadState = typeof reads;
