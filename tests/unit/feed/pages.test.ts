import { describe, expect, it } from 'vitest';
import { FeedError, readPages } from '../../../src/lib/feed';
import { FEED_URL, indexPage, summary } from '../../fixtures/feed';
import { stubNetwork } from '../../fixtures/network';

const page2 = new URL('index-2.json', FEED_URL).href;
const page3 = new URL('index-3.json', FEED_URL).href;
const later = (ids: string[], next?: string) => ({
  version: 1,
  updated: '2026-11-01T00:00:00Z',
  articles: ids.map((id) => summary(id)),
  ...(next ? { next } : {}),
});

async function crawl(network: ReturnType<typeof stubNetwork>, maxPages?: number) {
  const ids: string[][] = [];
  for await (const page of readPages(FEED_URL, {
    fetch: network.fetch,
    timeoutMs: 1000,
    maxPages,
  })) {
    ids.push(page.summaries.map((s) => s.id));
  }
  return ids;
}

describe('readPages', () => {
  it('follows next links to the last page', async () => {
    const network = stubNetwork({
      [FEED_URL]: indexPage([summary('a')], { next: 'index-2.json' }),
      [page2]: later(['b'], 'index-3.json'),
      [page3]: later(['c']),
    });
    expect(await crawl(network)).toEqual([['a'], ['b'], ['c']]);
  });

  it('stops at a page that links to itself, keeping what it read', async () => {
    const network = stubNetwork({
      [FEED_URL]: indexPage([summary('a')], { next: 'index-2.json' }),
      [page2]: later(['b'], 'index-2.json'),
    });
    expect(await crawl(network)).toEqual([['a'], ['b']]);
    expect(network.requests).toEqual([FEED_URL, page2]);
  });

  it('reports the loop it stopped at, naming the page and its next link', async () => {
    const network = stubNetwork({
      [FEED_URL]: indexPage([summary('a')], { next: 'index-2.json' }),
      [page2]: later(['b'], 'index-3.json'),
      [page3]: later(['c'], 'index-2.json'),
    });
    const loops: string[] = [];
    for await (const page of readPages(FEED_URL, {
      fetch: network.fetch,
      timeoutMs: 1000,
      onLoop: (found) => loops.push(found.message),
    })) {
      expect(page.summaries).toHaveLength(1);
    }
    expect(loops).toEqual([
      'index-3.json: next: links back to index-2.json, which was already read; older pages stop here',
    ]);
    expect(network.requests).toEqual([FEED_URL, page2, page3]);
  });

  it('starts at a later page, given the first page languages and what was read before', async () => {
    const network = stubNetwork({
      [page2]: later(['b'], 'index-3.json'),
      [page3]: later(['c'], 'index.json'),
    });
    const read: string[] = [];
    for await (const page of readPages(page2, {
      fetch: network.fetch,
      timeoutMs: 1000,
      languages: [
        { code: 'en', name: 'English', dir: 'ltr' },
        { code: 'es', name: 'Español', dir: 'ltr' },
      ],
      visited: [FEED_URL],
    })) {
      read.push(page.label, ...page.summaries.map((s) => s.id));
    }
    expect(read).toEqual(['index-2.json', 'b', 'index-3.json', 'c']);
    expect(network.requests).toEqual([page2, page3]);
  });

  it('stops at a cycle back to the first page', async () => {
    const network = stubNetwork({
      [FEED_URL]: indexPage([summary('a')], { next: 'index-2.json' }),
      [page2]: later(['b'], 'index.json'),
    });
    expect(await crawl(network)).toEqual([['a'], ['b']]);
  });

  it('stops after maxPages', async () => {
    const network = stubNetwork({
      [FEED_URL]: indexPage([summary('a')], { next: 'index-2.json' }),
      [page2]: later(['b']),
    });
    expect(await crawl(network, 1)).toEqual([['a']]);
  });

  it('yields the good pages before a broken one, then names the broken file', async () => {
    const network = stubNetwork({
      [FEED_URL]: indexPage([summary('a')], { next: 'index-2.json' }),
      [page2]: new Response('not json'),
    });
    const seen: string[] = [];
    const run = async () => {
      for await (const page of readPages(FEED_URL, { fetch: network.fetch, timeoutMs: 1000 })) {
        seen.push(...page.summaries.map((s) => s.id));
      }
    };
    await expect(run()).rejects.toThrow(FeedError);
    await expect(run()).rejects.toThrow(/^index-2\.json: not valid JSON/);
    expect(seen).toContain('a');
  });
});
