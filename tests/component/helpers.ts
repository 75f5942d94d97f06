import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { navigate } from 'svelte-routing';
import {
  closeDb,
  getDb,
  putSyncRecord,
  storeArticles,
  storePage,
  EMPTY_SYNC,
} from '../../src/lib/db';
import type { StoredArticle, SyncRecord } from '../../src/lib/db';
import { parseArticleFile, parseIndexPage } from '../../src/lib/feed';
import { library } from '../../src/lib/state/library.svelte';
import { syncStatus } from '../../src/lib/state/sync-status.svelte';
import { FEED_URL } from '../fixtures/feed';

afterEach(async () => {
  cleanup();
  // The state singletons hold a connection to the previous test's IndexedDB.
  await closeDb();
  goTo('/');
});

/** svelte-routing caches the location; moving through it keeps the router in step. */
export function goTo(path: string): void {
  navigate(path, { replace: true, blurActiveElement: false });
}

/** Stores a feed as a sync would, then loads it into the page state. */
export async function seed(
  index: Record<string, unknown>,
  articles: Record<string, unknown>[] = [],
  sync: Partial<SyncRecord> = {},
): Promise<void> {
  const db = await getDb();
  const page = parseIndexPage(index, { label: 'index.json', url: FEED_URL });
  await storePage(db, { feedUrl: FEED_URL, ...page });
  const languages = page.info?.languages ?? [];
  const stored: StoredArticle[] = articles.map((data) => {
    const id = String(data.id);
    const url = new URL(`articles/${id}.json`, FEED_URL).href;
    const article = parseArticleFile(data, { label: id, expectedId: id, languages });
    return { ...article, url, fetchedAt: 1 };
  });
  await storeArticles(db, stored);
  await putSyncRecord(db, { ...EMPTY_SYNC, status: 'fresh', lastSuccessAt: Date.now(), ...sync });
  await Promise.all([library.refresh(), syncStatus.refresh()]);
}

export async function setSync(record: Partial<SyncRecord>): Promise<void> {
  await putSyncRecord(await getDb(), { ...EMPTY_SYNC, ...record });
  await syncStatus.refresh();
}
