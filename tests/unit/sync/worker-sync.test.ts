import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '../../../src/lib/db';
import { loadSearchIndex } from '../../../src/lib/db/search-store';
import { syncAndIndex } from '../../../src/lib/sync/worker-sync';
import { articleFile, indexPage, summary } from '../../fixtures/feed';
import { feedRoutes, stubNetwork } from '../../fixtures/network';
import { installLocks } from '../../fixtures/locks';
import { persistedFind } from '../search/persisted';

const FEED = 'http://localhost:3000/content/index.json';

function feedWith(word: string) {
  const entry = summary('a1');
  const article = articleFile('a1', {
    translations: { en: { title: 'Title a1', body: `<p>About ${word}.</p>` } },
  });
  return stubNetwork(feedRoutes(indexPage([entry]), [article], FEED), { validators: true });
}

beforeEach(() => installLocks());
afterEach(async () => {
  vi.unstubAllGlobals();
  await closeDb();
});

describe("the service worker's sync", () => {
  it('leaves a persisted search index that finds what the sync stored', async () => {
    vi.stubGlobal('fetch', feedWith('zanzibar').fetch);
    expect(await loadSearchIndex(await getDb())).toBeUndefined();

    await syncAndIndex();

    expect(await persistedFind(await getDb(), 'zanzibar')).toEqual(['a1']);
  });
});
