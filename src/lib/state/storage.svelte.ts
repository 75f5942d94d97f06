import {
  clearSaved,
  countSaved,
  DEFAULT_STORAGE_SETTINGS,
  getDb,
  getStorageSettings,
  putStorageSettings,
  RETENTION_CHOICES,
  type DownloadRule,
  type Retention,
  type StorageSettingsRecord,
} from '../db';
import { announce } from '../channel';
import { requestSync } from '../sync/client';
import { bodyImages, dropImages } from '../sync/images';

export { RETENTION_CHOICES, type DownloadRule, type Retention };

export interface StorageEstimate {
  usage: number;
  quota: number;
}

/** 'unsupported': the browser has no StorageManager, so nothing can be asked or shown. */
export type Persistence = 'unknown' | 'persistent' | 'best-effort' | 'unsupported';

export type ClearPhase = 'idle' | 'clearing' | 'cleared' | 'failed';

function storageManager(): StorageManager | undefined {
  return globalThis.navigator?.storage;
}

/** What this device keeps: space used, persistence, saved bodies and the reader's rules. */
class StorageState {
  #estimate = $state.raw<StorageEstimate | null>(null);
  #persistence = $state<Persistence>('unknown');
  #savedCount = $state<number | null>(null);
  #settings = $state.raw<StorageSettingsRecord>({ ...DEFAULT_STORAGE_SETTINGS });
  #clearPhase = $state<ClearPhase>('idle');

  get estimate(): StorageEstimate | null {
    return this.#estimate;
  }

  get persistence(): Persistence {
    return this.#persistence;
  }

  get savedCount(): number | null {
    return this.#savedCount;
  }

  get settings(): StorageSettingsRecord {
    return this.#settings;
  }

  get clearPhase(): ClearPhase {
    return this.#clearPhase;
  }

  async refresh(): Promise<void> {
    try {
      const db = await getDb();
      const [settings, saved] = await Promise.all([getStorageSettings(db), countSaved(db)]);
      this.#settings = settings;
      this.#savedCount = saved;
    } catch (error) {
      // The connection closed under us (another tab upgrading, the page going away): what is
      // shown stays as it was, and the next refresh reads again.
      console.warn('Could not read storage settings', error);
    }
    await Promise.all([this.#readEstimate(), this.#readPersistence()]);
  }

  async #readEstimate(): Promise<void> {
    const manager = storageManager();
    if (!manager?.estimate) return;
    try {
      const { usage = 0, quota = 0 } = await manager.estimate();
      this.#estimate = { usage, quota };
    } catch {
      this.#estimate = null;
    }
  }

  async #readPersistence(): Promise<void> {
    const manager = storageManager();
    if (!manager?.persisted) {
      this.#persistence = 'unsupported';
      return;
    }
    this.#persistence = (await manager.persisted()) ? 'persistent' : 'best-effort';
  }

  /** Asks the browser to keep saved articles under storage pressure; it may decline. */
  async askPersistence(): Promise<void> {
    const manager = storageManager();
    if (!manager?.persist) return;
    this.#persistence = (await manager.persist()) ? 'persistent' : 'best-effort';
  }

  async setRetention(retention: Retention): Promise<void> {
    this.#settings = await putStorageSettings(await getDb(), { retention });
    // The next sync applies the rule: it prunes, or fetches more bodies.
    await requestSync();
  }

  async setDownload(download: DownloadRule): Promise<void> {
    this.#settings = await putStorageSettings(await getDb(), { download });
  }

  async keepCategory(id: string): Promise<void> {
    const keep = [...new Set([...this.#settings.keepCategories, id])];
    this.#settings = await putStorageSettings(await getDb(), { keepCategories: keep });
    await requestSync();
  }

  async forgetCategory(id: string): Promise<void> {
    const keep = this.#settings.keepCategories.filter((category) => category !== id);
    this.#settings = await putStorageSettings(await getDb(), { keepCategories: keep });
  }

  /** Deletes every saved body but the bookmarked ones. */
  async clear(): Promise<void> {
    this.#clearPhase = 'clearing';
    try {
      const dropped = await clearSaved(await getDb(), bodyImages);
      await dropImages(dropped.images);
      this.#clearPhase = 'cleared';
      announce({ type: 'content-changed' });
    } catch (error) {
      console.error('Could not clear saved articles', error);
      this.#clearPhase = 'failed';
    }
    await this.refresh();
  }
}

export const storage = new StorageState();
