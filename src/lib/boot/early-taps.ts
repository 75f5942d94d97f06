// Between the first paint of a rendered Home and its hydration, links work (they are links)
// but buttons have no handler yet. A tap on one is held and replayed once the app has taken
// the markup over: hydration keeps the very elements, so the replayed click reaches the
// button the reader saw.

/** Starts holding taps on buttons inside `root`; the returned function replays them. */
export function holdEarlyTaps(root: HTMLElement): () => void {
  const held = new Set<HTMLElement>();
  const hold = (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest?.('button');
    if (!button || !root.contains(button)) return;
    event.preventDefault();
    event.stopPropagation();
    held.add(button);
  };
  root.addEventListener('click', hold, { capture: true });
  return () => {
    root.removeEventListener('click', hold, { capture: true });
    for (const button of held) if (button.isConnected) button.click();
  };
}
