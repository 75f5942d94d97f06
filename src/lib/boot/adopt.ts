// The page's side of a rendered first screen: the state takes the data the service worker
// rendered it from, so that hydration finds the markup the page would have drawn.
import { bookmarks } from '../state/bookmarks.svelte';
import { library } from '../state/library.svelte';
import { syncStatus } from '../state/sync-status.svelte';
import type { FirstScreenData } from './first-screen-data';

/** The language the first screen was rendered in, or null when its data cannot be read. */
export function adopt(script: HTMLElement): string | null {
  try {
    // Written by this build's own worker from this app's own database, moments ago.
    const data = JSON.parse(script.textContent ?? '') as FirstScreenData;
    library.adopt(data);
    bookmarks.adopt(data.bookmarks);
    syncStatus.adopt(data.sync);
    return document.documentElement.lang;
  } catch {
    return null;
  } finally {
    script.remove();
  }
}
