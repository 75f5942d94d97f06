// Work that follows a reader's input but is not its visible answer (the list of another
// category, a page in another language) runs after the frame that paints the answer: the
// control responds at once, and the heavier update is its own task instead of delaying that
// frame (input to next paint, bench figure 3).

/** Resolves in a task after the next frame has been painted (at once where nothing paints). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      resolve();
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
