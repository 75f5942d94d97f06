import { afterEach, describe, expect, it } from 'vitest';
import { clearSaved, openFolioDb, removeBookmark, type FolioDB } from '../../../src/lib/db';
import { deletionCount } from '../../../src/lib/db/deletions';
import { bodyImages } from '../../../src/lib/sync/images';
import { summary } from '../../fixtures/feed';
import { storedFeed } from '../../fixtures/stored-feed';

// The persisted search index trusts this count: a deleting path that forgets it leaves the
// index answering with articles that are gone (tests/unit/search/persist.test.ts).
let db: FolioDB | undefined;
afterEach(() => db?.close());

const { storeSummaries, storeBody } = storedFeed(() => db as FolioDB);

const count = () => deletionCount(db as FolioDB);

describe('the count of deleting transactions', () => {
  it('grows when a page removes articles, and not when it only stores them', async () => {
    db = await openFolioDb();
    expect(await count()).toBe(0);
    await storeSummaries([summary('one'), summary('two')]);
    expect(await count()).toBe(0);
    await storeSummaries([summary('one')], { removed: ['two'] });
    expect(await count()).toBe(1);
  });

  it('grows when saved bodies are cleared, and not when there were none', async () => {
    db = await openFolioDb();
    await storeSummaries([summary('one')]);
    await clearSaved(db, bodyImages);
    expect(await count()).toBe(0);
    await storeBody('one');
    await clearSaved(db, bodyImages);
    expect(await count()).toBe(1);
  });

  it('grows when removing a bookmark takes a withdrawn article’s body', async () => {
    db = await openFolioDb();
    await storeSummaries([summary('kept')]);
    await storeBody('kept');
    await db.put('bookmarks', { id: 'kept', createdAt: 1, state: 'active' });
    await storeSummaries([], { removed: ['kept'] });
    const before = await count();
    await removeBookmark(db, 'kept');
    expect(await count()).toBe(before + 1);
  });
});
