import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFolioDb, type FolioDB } from '../../../src/lib/db';
import { newestPage } from '../../../src/lib/db/list-queries';
import { setRead } from '../../../src/lib/db/reads';
import { unreadPage } from '../../../src/lib/db/unread-pages';
import { summary } from '../../fixtures/feed';
import { storedFeed } from '../../fixtures/stored-feed';

let db: FolioDB | undefined;
afterEach(() => db?.close());

const { storeSummaries } = storedFeed(() => db as FolioDB);

/** Ten articles, a01 the oldest and a10 the newest. */
const ids = Array.from({ length: 10 }, (_, i) => `a${String(i + 1).padStart(2, '0')}`);

beforeEach(async () => {
  db = await openFolioDb();
  const day = (i: number) => `2026-11-${String(i + 1).padStart(2, '0')}T08:00:00Z`;
  await storeSummaries(ids.map((id, i) => summary(id, { published: day(i), updated: day(i) })));
});

const page = (limit: number) => (after: Parameters<typeof newestPage>[1]) =>
  newestPage(db as FolioDB, after, limit);

describe('the unread filter of a list', () => {
  it('reads on past pages of read articles until it has enough, newest first', async () => {
    // The newest seven read: the first three pages of three hold one unread article.
    await setRead(db as FolioDB, ['a10', 'a09', 'a08', 'a07', 'a06', 'a05', 'a04'], true);
    const first = await unreadPage(db as FolioDB, page(3), null, 2);
    expect(first.items.map((item) => item.id)).toEqual(['a03', 'a02']);
    expect(first.next).not.toBeNull();
    const last = first.items.at(-1)!;
    const rest = await unreadPage(db as FolioDB, page(3), last, 2);
    expect(rest.items.map((item) => item.id)).toEqual(['a01']);
    expect(rest.next).toBeNull();
  });

  it('ends with nothing when every article is read', async () => {
    await setRead(db as FolioDB, ids, true);
    expect(await unreadPage(db as FolioDB, page(4), null, 4)).toEqual({ items: [], next: null });
  });
});
