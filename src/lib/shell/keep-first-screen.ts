// Keeps the saved copy of Home's first screen (src/lib/shell/first-screen.ts) in step with what
// Home paints: once the page has been quiet for a moment after a change, while Home shows its
// first cards, the copy is written again. Only a page whose service worker is in control saves
// one, since only the worker serves it. The work is a chunk of its own (first-screen-saver.ts),
// fetched once the first screen is painted: Home's first paint does not wait for it.
import { firstContentPainted } from './first-content';

const saver = () => import('./first-screen-saver');

/**
 * While Home is shown (from its mount to the function this returns): watches the app's element
 * and saves Home's first screen. Only from the first screen's paint on, and never on other
 * pages, whose DOM updates (search results) need not pay for being observed.
 */
export function keepFirstScreen(): () => void {
  const root = document.getElementById('app');
  if (!root || typeof caches === 'undefined' || !('serviceWorker' in navigator)) return () => {};
  let stopped = false;
  let stop = () => {
    stopped = true;
  };
  void firstContentPainted
    .then(saver)
    .then(({ watchFirstScreen }) => {
      if (!stopped) stop = watchFirstScreen(root);
    })
    .catch(() => undefined); // an update replaced the chunk: the next visit saves
  return () => stop();
}

/** Home has nothing to show: a saved first screen would show what is gone. */
export function firstScreenEmptied(): void {
  if (typeof caches === 'undefined') return;
  void saver()
    .then(({ firstScreenGone }) => firstScreenGone())
    .catch(() => undefined);
}
