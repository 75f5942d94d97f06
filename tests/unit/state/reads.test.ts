import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb, setRead } from '../../../src/lib/db';
import { reads } from '../../../src/lib/state/reads.svelte';
import { seed } from '../../component/helpers';
import { indexPage, summary } from '../../fixtures/feed';

afterEach(() => {
  reads.stop();
  vi.restoreAllMocks();
});

const articles = [
  summary('a', { categories: ['political', 'economy'] }),
  summary('b', { categories: ['political'] }),
];

const unread = () => ({
  total: reads.unread.total,
  ...Object.fromEntries(reads.unread.byCategory),
});

describe('the read state', () => {
  it('marks read and unread, counts, and undoes a mark', async () => {
    await seed(indexPage(articles));
    await reads.load(['a', 'b']);
    await reads.count(['political', 'economy'], 0);
    expect(unread()).toEqual({ total: 2, political: 2, economy: 1 });

    const previous = await reads.mark(['a', 'b'], true);
    expect(reads.isRead('a') && reads.isRead('b')).toBe(true);
    expect(unread()).toEqual({ total: 0, political: 0, economy: 0 });

    await reads.undo(previous);
    expect([reads.isRead('a'), reads.isRead('b')]).toEqual([false, false]);
    expect(unread()).toEqual({ total: 2, political: 2, economy: 1 });
  });

  it('shows the old state again when a mark cannot be saved', async () => {
    await seed(indexPage(articles));
    await reads.load(['a']);
    const db = await getDb();
    vi.spyOn(db, 'transaction').mockImplementation(() => {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    });
    await expect(reads.mark(['a'], true)).rejects.toThrow('The disk is full');
    expect(reads.isRead('a')).toBe(false);
  });

  it('hears marks made in another tab', async () => {
    await seed(indexPage(articles));
    reads.start();
    await reads.load(['a', 'b']);
    await reads.count(['political'], 0);
    // Another tab writes the mark and says so on the channel.
    await setRead(await getDb(), ['b'], true);
    new BroadcastChannel('folio-reads').postMessage({ type: 'reads-changed' });
    await vi.waitFor(() => expect(reads.isRead('b')).toBe(true));
    await vi.waitFor(() => expect(unread()).toEqual({ total: 1, political: 1 }));
  });

  it('counts once per set of categories and library revision, however often asked', async () => {
    await seed(indexPage(articles));
    await reads.count(['economy', 'political'], 7);
    expect(unread()).toEqual({ total: 2, political: 2, economy: 1 });
    // Written behind the state's back (as a sync would store a page): a category switch asks
    // again with the same categories, in another order, and the counts are not read again…
    await setRead(await getDb(), ['a'], true);
    await reads.count(['political', 'economy'], 7);
    expect(unread().total).toBe(2);
    // …until the library's revision moves on.
    await reads.count(['political', 'economy'], 8);
    expect(unread()).toEqual({ total: 1, political: 1, economy: 0 });
  });
});
