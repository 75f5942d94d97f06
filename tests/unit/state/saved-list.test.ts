import { describe, expect, it, vi } from 'vitest';
import { getDb, storePage } from '../../../src/lib/db';
import { parseIndexPage } from '../../../src/lib/feed';
import { library } from '../../../src/lib/state/library.svelte';
import { savedList } from '../../../src/lib/state/saved-list.svelte';
import { seed } from '../../component/helpers';
import { FEED_URL, indexPage, summary } from '../../fixtures/feed';

/** 40 articles, one a day, newest first: more than the first screen's 30. */
const day = (n: number) => new Date(Date.UTC(2026, 10, 28 - n, 8)).toISOString();
const articles = Array.from({ length: 40 }, (_, n) =>
  summary(`a${n}`, { published: day(n), updated: day(n) }),
);

describe('the saved list, a page at a time', () => {
  it('never lists an article twice when a sync moved it between two reads', async () => {
    await seed(indexPage(articles));
    savedList.use([], library.revision);
    expect(savedList.items.map((item) => item.id)).toHaveLength(30);

    // A sync (say, in the service worker) stores a corrected, older date for an article on the
    // first screen; the page has not heard of it yet when the reader scrolls on.
    const moved = summary('a3', { published: day(45), updated: day(0) });
    const page = parseIndexPage(indexPage([...articles.slice(0, 3), ...articles.slice(4), moved]), {
      label: 'index.json',
      url: FEED_URL,
    });
    await storePage(await getDb(), { feedUrl: FEED_URL, ...page });
    await savedList.more();

    const ids = savedList.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(40);
  });

  it('shows a page only with what is read alongside it (the read marks)', async () => {
    await seed(
      indexPage(
        articles.map((article, n) => ({
          ...article,
          categories: n % 2 ? ['economy'] : ['political'],
        })),
      ),
    );
    const asked: string[][] = [];
    let release = (): void => undefined;
    savedList.alongside = (ids) => {
      asked.push(ids);
      return new Promise((resolve) => (release = resolve));
    };
    try {
      savedList.use(['economy'], library.revision);
      await vi.waitFor(() => expect(asked).toHaveLength(1));
      // The page is read, its marks are not: the list is still loading.
      expect(savedList.phase).toBe('loading');
      expect(asked[0]?.[0]).toBe('a1');
      release();
      await vi.waitFor(() => expect(savedList.phase).toBe('ready'));
      expect(savedList.items.map((item) => item.id)).toEqual(asked[0]);
      // A failure there does not keep the list from showing.
      savedList.alongside = () => Promise.reject(new Error('no marks'));
      savedList.use(['political'], library.revision);
      await vi.waitFor(() => expect(savedList.items[0]?.id).toBe('a0'));
    } finally {
      savedList.alongside = null;
    }
  });
});
