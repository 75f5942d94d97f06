import { afterEach, describe, expect, it } from 'vitest';
import { openDB, unwrap } from 'idb';
import { forceCloseDatabase } from 'fake-indexeddb';
import {
  closeDb,
  DB_NAME,
  DB_VERSION,
  getDb,
  onConnectionStatus,
  type ConnectionStatus,
} from '../../../src/lib/db';
import { createVersion1 } from '../../fixtures/db-v1';

// fake-indexeddb's types name the class where the function takes an instance.
const forceClose = forceCloseDatabase as unknown as (db: IDBDatabase) => void;

let unsubscribe: (() => void) | undefined;
afterEach(async () => {
  unsubscribe?.();
  await closeDb();
});

function watch(): ConnectionStatus[] {
  const seen: ConnectionStatus[] = [];
  unsubscribe = onConnectionStatus((status) => seen.push(status));
  return seen;
}

describe('the shared connection across tabs', () => {
  it('closes when another tab opens a newer version, and says it is outdated', async () => {
    const seen = watch();
    await getDb();
    expect(seen.at(-1)).toBe('open');

    // The other tab's upgrade would hang for ever if this connection stayed open.
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    expect(seen.at(-1)).toBe('outdated');
    // The old code cannot use the newer database; it stays outdated until a reload.
    await expect(getDb()).rejects.toThrow();
    expect(seen.at(-1)).toBe('outdated');
  });

  it('reports blocked while an older connection stays open, then opens', async () => {
    // Version 1 in another tab that ignores versionchange (an old release of the app).
    const oldTab = await createVersion1();
    const seen = watch();
    const opening = getDb();
    await expect.poll(() => seen.at(-1)).toBe('blocked');

    oldTab.close();
    const db = await opening;
    expect(db.version).toBe(DB_VERSION);
    expect(seen.at(-1)).toBe('open');
  });

  it('says it is outdated when a newer release already upgraded the database', async () => {
    (await openDB(DB_NAME, DB_VERSION + 1)).close();
    const seen = watch();
    await expect(getDb()).rejects.toThrow();
    expect(seen.at(-1)).toBe('outdated');
  });

  it('reopens a connection the browser closed on the next use', async () => {
    const seen = watch();
    const first = await getDb();
    forceClose(unwrap(first));
    expect(seen.at(-1)).toBe('lost');

    const second = await getDb();
    expect(second).not.toBe(first);
    await second.put('bookmarks', { id: 'after', createdAt: 1, state: 'active' });
    expect(await second.get('bookmarks', 'after')).toBeDefined();
    expect(seen.at(-1)).toBe('open');
  });
});
