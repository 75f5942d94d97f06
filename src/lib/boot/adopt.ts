// The page's side of a rendered first screen: the state takes the data the service worker
// rendered it from, so that hydration finds the markup it would have drawn.
import { bookmarks } from '../state/bookmarks.svelte';
import { library } from '../state/library.svelte';
import { syncStatus } from '../state/sync-status.svelte';
import type { FirstScreenData } from './first-screen-data';

export function adopt(script: HTMLElement): { lang: string } | null {
  try {
    // Written by this app's own worker from this app's own database, in this same build.
    const data = JSON.parse(script.textContent ?? '') as FirstScreenData & { lang: string };
    library.adopt(data);
    bookmarks.adopt(data.bookmarks);
    syncStatus.adopt(data.sync);
    return { lang: data.lang };
  } catch {
    return null;
  } finally {
    script.remove();
  }
}
