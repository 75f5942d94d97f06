import { afterEach, describe, expect, it } from 'vitest';
import {
  closeDb,
  getDb,
  listOutbox,
  putOutboxEntry,
  type CommentDraft,
  type OutboxEntry,
} from '../../../src/lib/db';
import type { FetchLike } from '../../../src/lib/feed';
import { flushOutbox, postComment } from '../../../src/lib/sync/outbox';

const URL = 'https://site.example/wp-json/wp/v2/comments';

afterEach(() => closeDb());

const draft = (content: string): CommentDraft => ({
  post: 48213,
  author_name: 'Ana',
  author_email: 'ana@example.org',
  content,
});

function entry(id: string, createdAt: number): OutboxEntry {
  return { id, articleId: 'a1', createdAt, state: 'queued', draft: draft(`text ${id}`) };
}

/** The network edge: records each POST body and answers with `reply`. */
function site(reply: (body: CommentDraft) => Response) {
  const posted: { url: string; init: RequestInit | undefined; body: CommentDraft }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const body = JSON.parse(String(init?.body)) as CommentDraft;
    posted.push({ url, init, body });
    return reply(body);
  };
  return { fetch, posted };
}

const offline: FetchLike = async () => {
  throw new TypeError('Failed to fetch');
};

describe('postComment', () => {
  it("posts WordPress's JSON shape", async () => {
    const { fetch, posted } = site(() => new Response('{}', { status: 201 }));
    expect(await postComment(URL, draft('Hello'), fetch)).toEqual({ status: 'sent' });
    expect(posted[0]?.url).toBe(URL);
    expect(posted[0]?.init?.method).toBe('POST');
    expect(new Headers(posted[0]?.init?.headers).get('content-type')).toBe('application/json');
    expect(posted[0]?.body).toEqual({
      post: 48213,
      author_name: 'Ana',
      author_email: 'ana@example.org',
      content: 'Hello',
    });
  });

  it("reports a 4xx with the site's message", async () => {
    const { fetch } = site(
      () =>
        new Response(
          JSON.stringify({ code: 'comment_duplicate', message: 'Duplicate comment detected.' }),
          { status: 409 },
        ),
    );
    expect(await postComment(URL, draft('Hello'), fetch)).toEqual({
      status: 'rejected',
      reason: 'Duplicate comment detected.',
    });
  });

  it('falls back to the status when a 4xx body is not WordPress JSON', async () => {
    const { fetch } = site(() => new Response('<html>no</html>', { status: 403 }));
    expect(await postComment(URL, draft('Hello'), fetch)).toEqual({
      status: 'rejected',
      reason: 'HTTP 403',
    });
  });

  it('treats a network error and a 5xx as unreachable', async () => {
    expect(await postComment(URL, draft('Hello'), offline)).toEqual({ status: 'unreachable' });
    const { fetch } = site(() => new Response('', { status: 503 }));
    expect(await postComment(URL, draft('Hello'), fetch)).toEqual({ status: 'unreachable' });
  });
});

describe('flushOutbox', () => {
  it('keeps everything queued while offline', async () => {
    const db = await getDb();
    await putOutboxEntry(db, entry('one', 1));
    await putOutboxEntry(db, entry('two', 2));
    const report = await flushOutbox(db, URL, offline);
    expect(report).toEqual({ sent: [], rejected: [], waiting: ['one', 'two'] });
    expect((await listOutbox(db)).map((e) => [e.id, e.state])).toEqual([
      ['one', 'queued'],
      ['two', 'queued'],
    ]);
  });

  it('sends the queue oldest first and removes what was sent', async () => {
    const db = await getDb();
    await putOutboxEntry(db, entry('late', 20));
    await putOutboxEntry(db, entry('early', 10));
    const { fetch, posted } = site(() => new Response('{}', { status: 201 }));
    const report = await flushOutbox(db, URL, fetch);
    expect(posted.map((p) => p.body.content)).toEqual(['text early', 'text late']);
    expect(report.sent).toEqual(['early', 'late']);
    expect(await listOutbox(db)).toEqual([]);
  });

  it('keeps a rejected comment with its reason, and sends the others', async () => {
    const db = await getDb();
    await putOutboxEntry(db, entry('bad', 1));
    await putOutboxEntry(db, entry('good', 2));
    const { fetch } = site((body) =>
      body.content === 'text bad'
        ? new Response(JSON.stringify({ code: 'x', message: 'Too short.' }), { status: 400 })
        : new Response('{}', { status: 201 }),
    );
    const report = await flushOutbox(db, URL, fetch);
    expect(report).toEqual({ sent: ['good'], rejected: ['bad'], waiting: [] });
    const kept = await listOutbox(db);
    expect(kept).toEqual([{ ...entry('bad', 1), state: 'rejected', reason: 'Too short.' }]);
  });

  it('never sends a rejected comment again until it is queued again', async () => {
    const db = await getDb();
    await putOutboxEntry(db, { ...entry('bad', 1), state: 'rejected', reason: 'No.' });
    const { fetch, posted } = site(() => new Response('{}', { status: 201 }));
    await flushOutbox(db, URL, fetch);
    expect(posted).toEqual([]);
  });
});
