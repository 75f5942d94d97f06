import { noTimings, type SyncPhase, type SyncTimings } from './options';

/** Times a sync's steps from outside them, for the bench and the outcome's `timings`. */
export class SyncTimer {
  readonly #timings = noTimings();
  readonly #began = performance.now();
  readonly #onPhase: ((phase: SyncPhase, ms: number) => void) | undefined;

  constructor(onPhase?: (phase: SyncPhase, ms: number) => void) {
    this.#onPhase = onPhase;
  }

  /** Runs one step, adding its time to `phase` and reporting the phase as it ends. */
  async phase<T>(phase: SyncPhase, step: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await step();
    } finally {
      this.add(phase, performance.now() - started);
      this.report(phase);
    }
  }

  /** Time measured inside a step (the write transactions, which overlap the other phases). */
  add(phase: SyncPhase, ms: number): void {
    this.#timings[phase] += ms;
  }

  report(phase: SyncPhase): void {
    this.#onPhase?.(phase, this.#timings[phase]);
  }

  /** Every phase so far, and the whole sync until now. */
  read(): SyncTimings {
    return { ...this.#timings, total: performance.now() - this.#began };
  }
}
