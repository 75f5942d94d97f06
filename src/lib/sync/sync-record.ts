import { EMPTY_SYNC, getSyncRecord, putSyncRecord, type FolioDB, type SyncRecord } from '../db';
import type { FeedProblem } from '../feed';

/** How a sync ended: fresh, or the kind of failure that stopped it. */
export function statusAfter(failure: FeedProblem | null): 'fresh' | 'offline' | 'error' {
  return failure ? (failure.kind === 'offline' ? 'offline' : 'error') : 'fresh';
}

/** A sync's state as pages read it (meta/sync): what it is doing, and how it ended. */
export class SyncRecorder {
  #record: SyncRecord;
  readonly #db: FolioDB;
  readonly #onProgress: ((record: SyncRecord) => void) | undefined;

  private constructor(db: FolioDB, record: SyncRecord, onProgress?: (record: SyncRecord) => void) {
    this.#db = db;
    this.#record = record;
    this.#onProgress = onProgress;
  }

  /** Marks a sync as started, keeping what the last one recorded (its time, its problems). */
  static async start(
    db: FolioDB,
    startedAt: number,
    onProgress?: (record: SyncRecord) => void,
  ): Promise<SyncRecorder> {
    const last = await getSyncRecord(db).catch(() => EMPTY_SYNC);
    const recorder = new SyncRecorder(
      db,
      { ...last, status: 'syncing', startedAt, progress: null },
      onProgress,
    );
    await recorder.save({});
    return recorder;
  }

  get record(): SyncRecord {
    return this.#record;
  }

  /**
   * Best effort: a full disk or a closing connection must not stop the sync from ending with an
   * outcome (the outcome is returned and announced either way).
   */
  async save(change: Partial<SyncRecord>): Promise<void> {
    this.#record = { ...this.#record, ...change };
    await putSyncRecord(this.#db, this.#record).catch((error: unknown) => {
      console.warn('Could not record the sync state', error);
    });
    this.#onProgress?.(this.#record);
  }

  /** Records how the sync ended: fresh, or the failure that stopped it. */
  async finish(
    finishedAt: number,
    failure: FeedProblem | null,
    problems: FeedProblem[],
  ): Promise<void> {
    await this.save({
      status: statusAfter(failure),
      finishedAt,
      lastSuccessAt: failure ? this.#record.lastSuccessAt : finishedAt,
      error: failure,
      problems,
    });
  }
}
