// A window that would mount many new cards at once (a sync bringing news to an empty Home,
// another category) mounts a phone's screen of them now and the rest a batch at a time, each
// batch in a task of its own after a frame. Mounting a whole window in one task, then laying it
// out in the next frame, made long tasks of 50-75 ms in headless Chromium on 2 cores (4e).

import { startedFromMarkup } from '../../lib/boot/hydration';

export class MountBatches {
  /** How many of the window's items to render, from its start: all (Infinity) once caught up. */
  limit = $state(Infinity);
  #rendered: readonly string[] = [];
  #first = true;
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly batch: number,
    /** The window's current bounds (they may move while batches are still coming). */
    private readonly window: () => { start: number; end: number },
  ) {}

  /** Before a DOM update: starts batching if the window holds more new keys than a batch. */
  plan(keys: readonly string[], start: number, end: number): void {
    if (this.limit !== Infinity || typeof requestAnimationFrame !== 'function') return;
    // The first window of a hydrated list is in the document already: nothing to mount.
    if (this.#first && startedFromMarkup()) {
      this.#first = false;
      this.#rendered = keys.slice(start, end);
      return;
    }
    this.#first = false;
    // A window holds at most a few dozen keys: a scan costs less than building a set.
    let fresh = 0;
    for (let index = start; index < end; index++) {
      if (!this.#rendered.includes(keys[index] ?? '')) fresh++;
    }
    if (fresh <= this.batch) return;
    this.limit = this.batch;
    this.#next();
  }

  /** After a DOM update: the keys now rendered, which a next window would not mount again. */
  rendered(keys: readonly string[]): void {
    this.#rendered = keys;
  }

  stop(): void {
    if (this.#frame !== 0) cancelAnimationFrame(this.#frame);
    clearTimeout(this.#timer);
  }

  /**
   * The next batch, in a task after the next frame: mounted inside the frame, it would add to
   * that frame's style and layout.
   */
  #next(): void {
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#timer = setTimeout(() => {
        const { start, end } = this.window();
        const next = this.limit + this.batch;
        this.limit = start + next >= end ? Infinity : next;
        if (this.limit !== Infinity) this.#next();
      }, 0);
    });
  }
}
