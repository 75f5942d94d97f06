import { getDb, unreadSince } from '../db';
import { pageTitle } from './document-title.svelte';

/** When the reader last had Folio open, for the next visit's "new since your last visit". */
const LAST_SEEN_KEY = 'folio-last-seen';
/** This visit's baseline, kept by a reload in the same tab. */
const VISIT_KEY = 'folio-visit-since';

function storedTime(storage: Storage | undefined, key: string): number | null {
  const value = Number(storage?.getItem(key) ?? NaN);
  return Number.isFinite(value) && value > 0 ? value : null;
}

function storages(): { local?: Storage; session?: Storage } {
  try {
    return { local: globalThis.localStorage, session: globalThis.sessionStorage };
  } catch {
    return {}; // storage blocked by the browser: every visit is a first one
  }
}

/**
 * What is new since the reader's last visit: the unread articles published after it. A visit is
 * a tab's session (a reload keeps its baseline); leaving the page records the time for the
 * next one. The count goes in the tab's title and the app's badge where the browser has one.
 */
class Visit {
  #since = $state<number | null>(null);
  #fresh = $state.raw<readonly string[]>([]);
  #started = false;

  /** The last visit's time; null on a first visit. */
  get since(): number | null {
    return this.#since;
  }

  /** New and unread, newest first. */
  get fresh(): readonly string[] {
    return this.#fresh;
  }

  start(now = Date.now()): void {
    if (this.#started) return;
    this.#started = true;
    const { local, session } = storages();
    this.#since = storedTime(session, VISIT_KEY) ?? storedTime(local, LAST_SEEN_KEY);
    try {
      session?.setItem(VISIT_KEY, String(this.#since ?? now));
      if (this.#since === null) local?.setItem(LAST_SEEN_KEY, String(now));
    } catch {
      // Full or blocked: the next visit counts from an older time, or from none.
    }
    const record = (): void => {
      try {
        local?.setItem(LAST_SEEN_KEY, String(Date.now()));
      } catch {
        // As above.
      }
    };
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') record();
    });
    globalThis.addEventListener?.('pagehide', record);
  }

  /** Counts again (after a sync or a change of read marks). */
  async refresh(): Promise<void> {
    const since = this.#since;
    if (since === null) return;
    try {
      this.#fresh = await unreadSince(await getDb(), since);
    } catch (error) {
      console.error('Could not count what is new', error);
      return;
    }
    pageTitle.counted(this.#fresh.length);
    this.#badge(this.#fresh.length);
  }

  #badge(count: number): void {
    const nav = globalThis.navigator as Navigator | undefined;
    if (!nav || typeof nav.setAppBadge !== 'function') return;
    const done = count > 0 ? nav.setAppBadge(count) : nav.clearAppBadge();
    done.catch(() => undefined); // not installed, or not allowed: the title still says it
  }
}

export const visit = new Visit();
