import { afterEach, describe, expect, it } from 'vitest';
import { getArticle, getSummary, openFolioDb, type FolioDB } from '../../../src/lib/db';
import type { FetchLike } from '../../../src/lib/feed';
import { runSync } from '../../../src/lib/sync/sync';
import { BROKEN_CASES, type Answer } from '../../fixtures/broken-feeds/cases';
import { FEED_URL, articleFor, indexPage, summary } from '../../fixtures/feed';

let db: FolioDB | undefined;
afterEach(() => db?.close());

function respond(answer: Answer, init?: RequestInit): Promise<Response> {
  if ('json' in answer) return Promise.resolve(new Response(JSON.stringify(answer.json)));
  if ('text' in answer)
    return Promise.resolve(new Response(answer.text, { headers: answer.headers }));
  if ('status' in answer) return Promise.resolve(new Response('', { status: answer.status }));
  if ('drop' in answer) return Promise.reject(new TypeError('Failed to fetch'));
  // A server that never answers: only the client's timeout ends the wait.
  return new Promise((_resolve, reject) =>
    init?.signal?.addEventListener('abort', () =>
      reject(new DOMException('aborted', 'AbortError')),
    ),
  );
}

/** The good feed (three articles), with the case's files put in its place. */
function network(files: Record<string, Answer>): FetchLike {
  const good: Record<string, Answer> = {
    'index.json': { json: indexPage([summary('a1'), summary('a2'), summary('a3')]) },
  };
  for (const id of ['a1', 'a2', 'a3'])
    good[`articles/${id}.json`] = { json: articleFor(summary(id)) };
  const answers = { ...good, ...files };
  return (url, init) => {
    const path = url.slice(new URL('.', FEED_URL).href.length);
    const answer = answers[path];
    return answer ? respond(answer, init) : Promise.resolve(new Response('', { status: 404 }));
  };
}

describe(`broken-feed corpus (${BROKEN_CASES.length} cases)`, () => {
  it.each(BROKEN_CASES.map((c) => [c.name, c] as const))('%s', async (_name, broken) => {
    db = await openFolioDb();
    // What the reader already has: one article saved by an earlier, good sync.
    const earlier = summary('kept', {
      published: '2026-10-01T00:00:00Z',
      updated: '2026-10-01T00:00:00Z',
    });
    const primed = await runSync({
      db,
      feedUrl: FEED_URL,
      fetch: network({
        'index.json': { json: indexPage([earlier]) },
        'articles/kept.json': { json: articleFor(earlier) },
      }),
    });
    expect(primed.status).toBe('fresh');

    const outcome = await runSync({
      db,
      feedUrl: FEED_URL,
      fetch: network(broken.files),
      timeoutMs: 200,
    });

    expect(outcome.status).toBe(broken.status);
    if (broken.status === 'fresh') {
      const messages = outcome.problems.map((p) => p.message);
      if (broken.message) {
        expect(messages).toHaveLength(1);
        expect(messages[0]?.startsWith(broken.message), messages[0]).toBe(true);
      } else {
        expect(messages).toEqual([]);
      }
    } else {
      expect(outcome.error?.message.startsWith(broken.message), outcome.error?.message).toBe(true);
    }
    const saved = await Promise.all(['a1', 'a2', 'a3'].map((id) => getArticle(db as FolioDB, id)));
    expect(saved.filter(Boolean)).toHaveLength(broken.saved ?? 0);
    // Nothing already saved is lost, whatever arrived.
    expect(await getSummary(db, 'kept')).toBeDefined();
    expect((await getArticle(db, 'kept'))?.translations.en?.body).toBe('<p>Body of kept</p>');
  });
});
