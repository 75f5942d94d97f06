import { withPageMessages } from '../i18n/catalog';
import type { Component } from 'svelte';
import type { ReadState } from './reads.svelte';
import { savedList } from './saved-list.svelte';
import type { visit as Visit } from './visit.svelte';

/**
 * The reader's read marks, in a chunk of their own fetched after the first paint with the
 * strings of the controls they bring: the first screen of headlines waits for neither. Until
 * then `current` is null, and a card shows no mark.
 */
class ReadMarks {
  #current = $state.raw<ReadState | null>(null);
  #visit = $state.raw<typeof Visit | null>(null);
  #toggle = $state.raw<Component<{ id: string; compact?: boolean }> | null>(null);
  #loading: Promise<ReadState> | null = null;

  get current(): ReadState | null {
    return this.#current;
  }

  /** The Mark as read/unread button; null until loaded (a card keeps its room meanwhile). */
  get Toggle(): Component<{ id: string; compact?: boolean }> | null {
    return this.#toggle;
  }

  /** What is new since the reader's last visit; null until loaded. */
  get visit(): typeof Visit | null {
    return this.#visit;
  }

  /** Fetches the read state once, following other tabs from then on. */
  load(): Promise<ReadState> {
    this.#loading ??= withPageMessages(
      Promise.all([
        import('./reads.svelte'),
        import('./visit.svelte'),
        import('../../components/reads/ReadToggle.svelte'),
      ]),
    ).then(
      ([{ reads }, { visit }, toggle]) => {
        reads.start();
        visit.start();
        savedList.alongside = (ids) => reads.load(ids);
        this.#current = reads;
        this.#visit = visit;
        this.#toggle = toggle.default;
        return reads;
      },
      (error: unknown) => {
        this.#loading = null; // an update replaced the chunk: the next use asks again
        throw error;
      },
    );
    return this.#loading;
  }
}

export const readMarks = new ReadMarks();
