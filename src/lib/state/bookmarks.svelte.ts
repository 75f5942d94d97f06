import {
  addBookmark,
  bookmarkedIds,
  getArticle,
  getDb,
  listBookmarks,
  removeBookmark,
  restoreBookmark,
  type BookmarkEntry,
  type RemovedBookmark,
} from '../db';
import { requestSync } from '../sync/client';

/** Its own channel: bookmark changes are not sync announcements and need no sync-state reload. */
const CHANNEL = 'folio-bookmarks';

export type { RemovedBookmark };

interface BookmarksChanged {
  type: 'bookmarks-changed';
}

function isBookmarksChanged(data: unknown): data is BookmarksChanged {
  return (
    typeof data === 'object' && data !== null && 'type' in data && data.type === 'bookmarks-changed'
  );
}

/** Asks the browser not to evict saved articles under storage pressure; best effort. */
async function askForPersistentStorage(): Promise<void> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return;
  try {
    if (!(await storage.persisted())) await storage.persist();
  } catch {
    // Declined or unsupported: bookmarks still work, the browser may just evict them sooner.
  }
}

/** The reader's bookmarks: ids for every toggle, and the full list for the Bookmarks page. */
class Bookmarks {
  #ids = $state.raw<ReadonlySet<string>>(new Set());
  #entries = $state.raw<BookmarkEntry[]>([]);
  #listPhase = $state<'loading' | 'ready' | 'failed'>('loading');
  #revision = $state(0);

  #outgoing: BroadcastChannel | null = null;
  #incoming: BroadcastChannel | null = null;

  get ids(): ReadonlySet<string> {
    return this.#ids;
  }

  get entries(): BookmarkEntry[] {
    return this.#entries;
  }

  get listPhase(): 'loading' | 'ready' | 'failed' {
    return this.#listPhase;
  }

  /** Bumped on every change, here or in another tab, so views reading the list reload. */
  get revision(): number {
    return this.#revision;
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Loads the ids (unless adopted: `read: false`) and follows changes made in other tabs. */
  async start({ read = true } = {}): Promise<void> {
    if (!this.#incoming && typeof BroadcastChannel !== 'undefined') {
      // A channel of its own, so that other instances in this same tab (none today) hear too.
      this.#incoming = new BroadcastChannel(CHANNEL);
      this.#incoming.onmessage = (event: MessageEvent<unknown>) => {
        if (isBookmarksChanged(event.data)) void this.refresh();
      };
    }
    if (read) await this.refresh();
  }

  stop(): void {
    this.#incoming?.close();
    this.#incoming = null;
    this.#outgoing?.close();
    this.#outgoing = null;
  }

  /** The ids the service worker rendered the first screen with. */
  adopt(ids: readonly string[]): void {
    this.#ids = new Set(ids);
  }

  async refresh(): Promise<void> {
    try {
      this.#ids = await bookmarkedIds(await getDb());
    } catch (error) {
      console.error('Could not read bookmarks', error);
    }
    this.#revision++;
  }

  /** Reads the list with what is saved of each article; the Bookmarks page calls this. */
  async loadList(): Promise<void> {
    try {
      this.#entries = await listBookmarks(await getDb());
      this.#listPhase = 'ready';
    } catch (error) {
      console.error('Could not list bookmarks', error);
      this.#listPhase = 'failed';
    }
  }

  /** Bookmarks or un-bookmarks an article; the toggle shows the new state before the write. */
  async toggle(id: string, title: string): Promise<void> {
    const before = this.#ids;
    const adding = !before.has(id);
    // A new set, never a mutated one: `#ids` is raw state and changes by reassignment.
    this.#ids = new Set(adding ? [...before, id] : [...before].filter((other) => other !== id));
    try {
      const db = await getDb();
      if (adding) {
        await addBookmark(db, id, title);
        if (before.size === 0) void askForPersistentStorage();
        // Sync saves every bookmarked body; ask now so an unsaved one is kept before going offline.
        if (!(await getArticle(db, id))) void requestSync().catch(() => undefined);
      } else {
        await removeBookmark(db, id);
      }
    } catch (error) {
      console.error('Could not save the bookmark', error);
      this.#ids = before;
      return;
    }
    this.announce();
    this.#revision++;
  }

  /**
   * Removes a bookmark and returns what `restore` needs to undo it (undefined when it was already
   * gone, e.g. removed in another tab). Throws when the change could not be saved.
   */
  async remove(id: string): Promise<RemovedBookmark | undefined> {
    const before = this.#ids;
    this.#ids = new Set([...before].filter((other) => other !== id));
    let removed: RemovedBookmark | undefined;
    try {
      removed = await removeBookmark(await getDb(), id);
    } catch (error) {
      this.#ids = before;
      throw error;
    }
    this.announce();
    this.#revision++;
    return removed;
  }

  /** Undoes `remove`: the bookmark returns with its own date, so to its place in the list. */
  async restore(removed: RemovedBookmark): Promise<void> {
    const { id } = removed.bookmark;
    const before = this.#ids;
    this.#ids = new Set([...before, id]);
    try {
      await restoreBookmark(await getDb(), removed);
    } catch (error) {
      this.#ids = before;
      throw error;
    }
    this.announce();
    this.#revision++;
  }

  /** Tells other tabs the bookmarks changed. */
  announce(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#outgoing ??= new BroadcastChannel(CHANNEL);
    this.#outgoing.postMessage({ type: 'bookmarks-changed' } satisfies BookmarksChanged);
  }
}

export const bookmarks = new Bookmarks();
