import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb } from '../../../src/lib/db';
import { syncNow } from '../../../src/lib/sync/run';
import { syncWhenBackOnline } from '../../../src/lib/boot/start';
import { syncStatus } from '../../../src/lib/state/sync-status.svelte';
import { indexPage } from '../../fixtures/feed';
import { installLocks } from '../../fixtures/locks';

const FEED = 'http://localhost:3000/content/index.json';

beforeEach(() => installLocks());
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  await closeDb();
});

describe('syncNow', () => {
  it('runs a request made during a sync after it, and folds further requests into that one', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetch = vi.fn(async () => {
      if (fetch.mock.calls.length === 1) await gate;
      return Response.json(indexPage([]));
    });
    vi.stubGlobal('fetch', fetch);

    const first = syncNow();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const second = syncNow();
    await vi.waitFor(async () => expect((await navigator.locks.query()).pending).toHaveLength(1));
    const third = await syncNow();
    expect(third).toBe('busy');

    release();
    expect(await first).toMatchObject({ status: 'fresh' });
    expect(await second).toMatchObject({ status: 'fresh' });
    expect(fetch.mock.calls.map((call) => String(call.at(0)))).toEqual([FEED, FEED]);
  });
});

describe('syncWhenBackOnline', () => {
  it('tries again while the first sync after "online" still finds no network', async () => {
    // The connection works from the third attempt on.
    const fetch = vi.fn(async () => {
      if (fetch.mock.calls.length < 3) throw new TypeError('Failed to fetch');
      return Response.json(indexPage([]));
    });
    vi.stubGlobal('fetch', fetch);
    const refresh = () => syncStatus.refresh();

    await syncWhenBackOnline([20, 20, 20, 20]);
    await refresh();
    expect(syncStatus.status).toBe('fresh');
    // It stops trying once a sync got through.
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
