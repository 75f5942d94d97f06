import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFolioDb, type FolioDB } from '../../../src/lib/db';
import { readIds, restoreReadMarks, setRead, unreadCounts } from '../../../src/lib/db/reads';
import { summary } from '../../fixtures/feed';
import { storedFeed } from '../../fixtures/stored-feed';

let db: FolioDB | undefined;
afterEach(() => db?.close());

const { storeSummaries } = storedFeed(() => db as FolioDB);

beforeEach(async () => {
  db = await openFolioDb();
  await storeSummaries([
    summary('a', { categories: ['political', 'economy'] }),
    summary('b', { categories: ['political'] }),
    summary('c', { categories: ['economy'] }),
  ]);
});

const counts = async () => {
  const { total, byCategory } = await unreadCounts(db as FolioDB, ['political', 'economy']);
  return { total, ...Object.fromEntries(byCategory) };
};

describe('read and unread', () => {
  it('starts with every article unread', async () => {
    expect(await readIds(db as FolioDB, ['a', 'b', 'c'])).toEqual(new Set());
    expect(await counts()).toEqual({ total: 3, political: 2, economy: 2 });
  });

  it('counts an article read in all and in each of its categories', async () => {
    await setRead(db as FolioDB, ['a'], true, 100);
    expect(await readIds(db as FolioDB, ['a', 'b'])).toEqual(new Set(['a']));
    expect(await counts()).toEqual({ total: 2, political: 1, economy: 1 });
    await setRead(db as FolioDB, ['a'], false, 200);
    expect(await readIds(db as FolioDB, ['a'])).toEqual(new Set());
    expect(await counts()).toEqual({ total: 3, political: 2, economy: 2 });
    expect(await (db as FolioDB).get('reads', 'a')).toMatchObject({ read: false, changedAt: 200 });
  });

  it('marks many at once, and an Undo puts back each mark as it was', async () => {
    await setRead(db as FolioDB, ['b'], true, 100);
    const before = await (db as FolioDB).get('reads', 'b');
    const previous = await setRead(db as FolioDB, ['a', 'b', 'c'], true, 200);
    expect(await counts()).toEqual({ total: 0, political: 0, economy: 0 });
    await restoreReadMarks(db as FolioDB, previous);
    expect(await readIds(db as FolioDB, ['a', 'b', 'c'])).toEqual(new Set(['b']));
    expect(await (db as FolioDB).get('reads', 'b')).toEqual(before);
    expect(await (db as FolioDB).get('reads', 'a')).toBeUndefined();
    expect(await counts()).toEqual({ total: 2, political: 1, economy: 2 });
  });

  it('keeps the mark of an article not in the feed without counting it', async () => {
    await setRead(db as FolioDB, ['elsewhere'], true, 100);
    expect(await readIds(db as FolioDB, ['elsewhere'])).toEqual(new Set(['elsewhere']));
    expect(await counts()).toEqual({ total: 3, political: 2, economy: 2 });
  });
});

describe('read marks as the feed changes', () => {
  it('stop counting an article that left the feed, and keep its mark', async () => {
    await setRead(db as FolioDB, ['a', 'b'], true, 100);
    await storeSummaries([summary('b', { categories: ['political'] }), summary('c')], {
      removed: ['a'],
    });
    expect(await readIds(db as FolioDB, ['a', 'b'])).toEqual(new Set(['a', 'b']));
    expect(await counts()).toEqual({ total: 1, political: 1, economy: 0 });
  });

  it('count a read article in its new categories', async () => {
    await setRead(db as FolioDB, ['b'], true, 100);
    await storeSummaries([
      summary('a', { categories: ['political', 'economy'] }),
      summary('b', { categories: ['economy'], updated: '2026-11-02T08:00:00Z' }),
      summary('c', { categories: ['economy'] }),
    ]);
    expect(await counts()).toEqual({ total: 2, political: 1, economy: 2 });
  });

  it('count an article marked read before it reached this device once it arrives', async () => {
    await setRead(db as FolioDB, ['later'], true, 100);
    await storeSummaries([summary('later', { categories: ['economy'] })]);
    expect(await readIds(db as FolioDB, ['later'])).toEqual(new Set(['later']));
    expect(await counts()).toEqual({ total: 3, political: 2, economy: 2 });
  });
});
