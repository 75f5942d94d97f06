import { EMPTY_SYNC, getDb, getSyncRecord, type SyncRecord, type SyncStatus } from '../db';
import { requestSync } from '../sync/client';

/** A sync whose runner died (a killed worker) must not say "updating" for ever. */
const STALE_SYNC_MS = 2 * 60_000;

class SyncStatusState {
  #record = $state.raw<SyncRecord>(EMPTY_SYNC);
  #known = $state(false);
  #status: SyncStatus = $derived.by(() => {
    const { status, startedAt } = this.#record;
    if (status === 'syncing' && startedAt !== null && Date.now() - startedAt > STALE_SYNC_MS) {
      return 'idle';
    }
    return status;
  });

  get record(): SyncRecord {
    return this.#record;
  }

  /** True once the stored state has been read at least once. */
  get known(): boolean {
    return this.#known;
  }

  get status(): SyncStatus {
    return this.#status;
  }

  /** The record the service worker rendered the first screen with. */
  adopt(record: SyncRecord): void {
    this.#record = record;
    this.#known = true;
  }

  async refresh(): Promise<void> {
    try {
      this.#record = await getSyncRecord(await getDb());
    } finally {
      this.#known = true;
    }
  }

  retry(): void {
    void requestSync().catch((error: unknown) => console.warn('Sync failed', error));
  }
}

export const syncStatus = new SyncStatusState();
