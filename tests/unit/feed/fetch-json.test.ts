import { describe, expect, it, vi } from 'vitest';
import {
  FeedError,
  fetchJson,
  fetchJsonIfChanged,
  parseJsonText,
  type FetchLike,
} from '../../../src/lib/feed';
import { MAX_FILE_BYTES } from '../../../src/lib/feed/json-guard';

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}

const get = (fetch: FetchLike, timeoutMs = 1000) =>
  fetchJson('https://feed.example/content/articles/x.json', {
    fetch,
    label: 'articles/x.json',
    timeoutMs,
  });

describe('fetchJson', () => {
  it('parses JSON and reports the final URL after redirects', async () => {
    const response = new Response('{"a":1}', { status: 200 });
    Object.defineProperty(response, 'url', { value: 'https://cdn.example/moved/x.json' });
    const result = await get(async () => response);
    expect(result).toEqual({ data: { a: 1 }, url: 'https://cdn.example/moved/x.json' });
  });

  it('reports an HTTP status with the file', async () => {
    const error = await failure(get(async () => new Response('', { status: 404 })));
    expect(error.message).toBe('articles/x.json: HTTP 404');
    expect(error.problem.kind).toBe('http');
  });

  it('treats a network failure as offline', async () => {
    const error = await failure(
      get(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(error.problem.kind).toBe('offline');
  });

  it('times out a server that never answers', async () => {
    vi.useFakeTimers();
    try {
      const never: FetchLike = (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        });
      const pending = failure(get(never, 5000));
      await vi.advanceTimersByTimeAsync(5001);
      const error = await pending;
      expect(error.problem.kind).toBe('offline');
      expect(error.message).toBe('articles/x.json: no answer within 5 s');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a file declared larger than 10 MB without reading it', async () => {
    const response = new Response('{}', {
      headers: { 'Content-Length': String(MAX_FILE_BYTES + 1) },
    });
    const error = await failure(get(async () => response));
    expect(error.problem.kind).toBe('too-large');
  });

  it('refuses a streamed file that grows past 10 MB', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        if (sent > 12) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const error = await failure(get(async () => new Response(body)));
    expect(error.message).toBe('articles/x.json: larger than 10 MB, refused');
    expect(sent).toBeLessThanOrEqual(12);
  });
});

describe('fetchJsonIfChanged', () => {
  const url = 'https://feed.example/content/index.json';
  const options = (fetch: FetchLike) => ({ fetch, label: 'index.json', timeoutMs: 1000 });

  it('returns the validators a server sent, and asks with them past the HTTP cache', async () => {
    const seen: RequestInit[] = [];
    const fetch: FetchLike = async (_input, init) => {
      seen.push(init ?? {});
      const headers = new Headers(init?.headers);
      if (headers.get('If-None-Match') === '"v1"') return new Response(null, { status: 304 });
      return new Response('{"a":1}', {
        headers: { ETag: '"v1"', 'Last-Modified': 'Fri, 20 Nov 2026 10:00:00 GMT' },
      });
    };
    const first = await fetchJsonIfChanged(url, options(fetch), {});
    expect(first).toMatchObject({
      status: 'changed',
      data: { a: 1 },
      validators: { etag: '"v1"', lastModified: 'Fri, 20 Nov 2026 10:00:00 GMT' },
    });
    expect(seen[0]?.cache).toBe('no-cache');
    const again = await fetchJsonIfChanged(url, options(fetch), {
      etag: '"v1"',
      lastModified: 'Fri, 20 Nov 2026 10:00:00 GMT',
    });
    expect(again).toEqual({ status: 'unchanged' });
    const headers = new Headers(seen[1]?.headers);
    expect(headers.get('If-Modified-Since')).toBe('Fri, 20 Nov 2026 10:00:00 GMT');
    expect(seen[1]?.cache).toBe('no-store');
  });

  it('treats a 304 to a request without validators as an HTTP error', async () => {
    const error = await failure(
      fetchJsonIfChanged(
        url,
        options(async () => new Response(null, { status: 304 })),
        {},
      ),
    );
    expect(error.message).toBe('index.json: HTTP 304');
  });
});

describe('parseJsonText', () => {
  const refuse = (text: string) => {
    try {
      parseJsonText(text, 'index.json');
    } catch (error) {
      if (error instanceof FeedError) return error.message;
    }
    throw new Error('expected a refusal');
  };

  it('explains empty, truncated and HTML answers', () => {
    expect(refuse('')).toBe('index.json: the file is empty');
    expect(refuse('{"version": 1, "articles": [')).toMatch(/^index\.json: not valid JSON \(/);
    expect(refuse('<!doctype html><html></html>')).toBe(
      'index.json: received an HTML page instead of JSON (is the feed address right?)',
    );
  });

  it('refuses JSON nested deeper than 64 levels but reads 64', () => {
    expect(refuse('['.repeat(1000) + ']'.repeat(1000))).toBe(
      'index.json: nested deeper than 64 levels, refused',
    );
    expect(parseJsonText('['.repeat(64) + ']'.repeat(64), 'index.json')).toBeInstanceOf(Array);
    // Brackets inside strings do not count.
    expect(parseJsonText(JSON.stringify({ s: '['.repeat(100) }), 'index.json')).toEqual({
      s: '['.repeat(100),
    });
  });
});
