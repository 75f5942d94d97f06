// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, optionsFromEnv } from '../../scripts/serve.mjs';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const INDEX_HTML = '<!doctype html><title>Folio shell</title>';
// Big and repetitive enough that compression is worth it and clearly visible.
const FEED_JSON = JSON.stringify({ version: 1, articles: [], padding: 'folio '.repeat(2000) });
const SCRIPT_PATH = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));

let tmp: string;
let root: string;
let server: http.Server;
let origin: string;

async function put(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

// The file with the .br and .gz copies beside it that the build writes for assets/.
async function putWithCopies(file: string, content: string): Promise<void> {
  await put(file, content);
  await writeFile(`${file}.br`, zlib.brotliCompressSync(content));
  await writeFile(`${file}.gz`, zlib.gzipSync(content));
}

// node:http rather than fetch: it sends the path exactly as written ("/../x" included) and
// does not decompress behind the test's back.
function request(
  base: string,
  urlPath: string,
  headers: http.OutgoingHttpHeaders = {},
  method = 'GET',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${urlPath}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function get(urlPath: string, headers: http.OutgoingHttpHeaders = {}): Promise<Reply> {
  return request(origin, urlPath, headers);
}

function originOf(listening: http.Server): string {
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

async function stop(listening: http.Server): Promise<void> {
  listening.closeAllConnections();
  await new Promise((resolve) => listening.close(resolve));
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-serve-'));
  root = path.join(tmp, 'dist');
  await put(path.join(root, 'index.html'), INDEX_HTML);
  await put(path.join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await put(path.join(root, 'manifest.webmanifest'), '{"name":"Folio"}');
  await put(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await put(path.join(root, 'assets', 'index-abc123.js'), 'console.log("app");');
  await put(path.join(root, 'assets', 'index-abc123.css'), 'body{margin:0}');
  await put(path.join(root, 'content', 'index.json'), FEED_JSON);
  await put(path.join(tmp, 'secret.txt'), 'top secret');
  server = await createServer({ root, port: 0, host: '127.0.0.1' });
  origin = originOf(server);
});

afterAll(async () => {
  await stop(server);
  await rm(tmp, { recursive: true, force: true });
});

describe('routing', () => {
  it('serves index.html for an app route', async () => {
    const reply = await get('/article/x', { accept: 'text/html' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.body.toString()).toBe(INDEX_HTML);
  });

  it('treats an extensionless path as a navigation even without an Accept header', async () => {
    const reply = await get('/bookmarks');
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe(INDEX_HTML);
  });

  it('answers a missing feed file with a plain 404, never the app shell', async () => {
    const reply = await get('/content/missing.json', { accept: 'text/html,*/*' });
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.body.toString()).not.toContain('<title>');
    expect((await get('/content/articles/nothing')).status).toBe(404);
  });

  it('answers a missing asset with 404', async () => {
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/assets/missing.js', { accept: 'text/html' })).status).toBe(404);
    expect((await get('/missing.png')).status).toBe(404);
    // A chunk of an older build, asked for without an extension, is not the app's HTML either.
    expect((await get('/assets/chunk-gone')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/content/..%2f..%2fsecret.txt',
    '/content/%2e%2e/%2e%2e/secret.txt',
    '/assets/..%5c..%5csecret.txt',
  ])('refuses the traversal %s', async (urlPath) => {
    const reply = await get(urlPath);
    expect([403, 404]).toContain(reply.status);
    expect(reply.body.toString()).not.toContain('top secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const reply = await request(origin, '/index.html', {}, 'POST');
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });

  it('answers HEAD with the headers and no body', async () => {
    const reply = await request(origin, '/content/index.json', {}, 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(FEED_JSON)));
    expect(reply.body.length).toBe(0);
  });
});

describe('headers', () => {
  it.each([
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['/favicon.svg', 'image/svg+xml', 'no-cache'],
    [
      '/assets/index-abc123.js',
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/content/index.json', 'application/json; charset=utf-8', 'public, max-age=60'],
  ])('%s has type %s and Cache-Control %s', async (urlPath, type, cacheControl) => {
    const reply = await get(urlPath);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
    expect(reply.headers['cache-control']).toBe(cacheControl);
  });

  it('gives content a strong ETag and Last-Modified and honours both validators', async () => {
    const first = await get('/content/index.json');
    const etag = first.headers.etag ?? '';
    const lastModified = first.headers['last-modified'] ?? '';
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(lastModified).not.toBe('');

    const byEtag = await get('/content/index.json', { 'if-none-match': etag });
    expect(byEtag.status).toBe(304);
    expect(byEtag.body.length).toBe(0);
    expect(byEtag.headers.etag).toBe(etag);

    expect((await get('/content/index.json', { 'if-modified-since': lastModified })).status).toBe(
      304,
    );
    // If-None-Match takes precedence: a stale tag means a full answer whatever the date says.
    const stale = await get('/content/index.json', {
      'if-none-match': '"stale"',
      'if-modified-since': lastModified,
    });
    expect(stale.status).toBe(200);
  });

  it('gives other files an ETag too', async () => {
    const reply = await get('/sw.js');
    expect(reply.headers.etag).toMatch(/^"[^"]+"$/);
    expect((await get('/sw.js', { 'if-none-match': reply.headers.etag })).status).toBe(304);
  });
});

describe('compression', () => {
  it('sends brotli when allowed', async () => {
    const reply = await get('/content/index.json', { 'accept-encoding': 'gzip, deflate, br' });
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers.vary).toBe('Accept-Encoding');
    expect(reply.body.length).toBeLessThan(Buffer.byteLength(FEED_JSON));
    expect(zlib.brotliDecompressSync(reply.body).toString()).toBe(FEED_JSON);
  });

  it('falls back to gzip, then identity', async () => {
    const gzip = await get('/content/index.json', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(FEED_JSON);

    const plain = await get('/content/index.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(FEED_JSON);
  });

  it('gives each encoding its own validator', async () => {
    const br = await get('/content/index.json', { 'accept-encoding': 'br' });
    const plain = await get('/content/index.json');
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const revalidated = await get('/content/index.json', {
      'accept-encoding': 'br',
      'if-none-match': br.headers.etag,
    });
    expect(revalidated.status).toBe(304);
  });

  it('leaves images alone', async () => {
    await put(path.join(root, 'content', 'photo.png'), 'not really a png');
    const reply = await get('/content/photo.png', { 'accept-encoding': 'br' });
    expect(reply.headers['content-type']).toBe('image/png');
    expect(reply.headers['content-encoding']).toBeUndefined();
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['BR;q=0.5, gzip', 'br'],
    ['br;q=0, gzip;q=0', undefined],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
  ])('chooses an encoding for Accept-Encoding %j', async (header, expected) => {
    const reply = await get(
      '/content/index.json',
      header === undefined ? {} : { 'accept-encoding': header },
    );
    expect(reply.headers['content-encoding']).toBe(expected);
  });

  it('sends the compressed copy of an asset with the headers of the asset', async () => {
    await putWithCopies(path.join(root, 'assets', 'big-abc123.js'), FEED_JSON);
    const reply = await get('/assets/big-abc123.js', { 'accept-encoding': 'br' });
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(reply.body).toString()).toBe(FEED_JSON);
    const gzip = await get('/assets/big-abc123.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(FEED_JSON);
    const plain = await get('/assets/big-abc123.js', { 'accept-encoding': 'br;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(FEED_JSON)));
  });
});

describe('content on disk', () => {
  it('serves a replaced file fresh, even with the same size and mtime', async () => {
    const file = path.join(root, 'content', 'page.json');
    const stamp = new Date('2026-01-01T00:00:00Z');
    await put(file, '{"v":1}');
    await utimes(file, stamp, stamp);
    const before = await get('/content/page.json', { 'accept-encoding': 'br' });
    expect(zlib.brotliDecompressSync(before.body).toString()).toBe('{"v":1}');

    await put(file, '{"v":2}');
    await utimes(file, stamp, stamp);
    const after = await get('/content/page.json', { 'accept-encoding': 'br' });
    expect(zlib.brotliDecompressSync(after.body).toString()).toBe('{"v":2}');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const revalidated = await get('/content/page.json', {
      'accept-encoding': 'br',
      'if-none-match': before.headers.etag,
    });
    expect(revalidated.status).toBe(200);
  });

  it('serves another folder at /content/ when contentDir is given', async () => {
    const other = path.join(tmp, 'other-feed');
    await put(path.join(other, 'index.json'), '{"from":"other"}');
    const custom = await createServer({ root, contentDir: other, port: 0, host: '127.0.0.1' });
    try {
      const reply = await request(originOf(custom), '/content/index.json');
      expect(reply.body.toString()).toBe('{"from":"other"}');
      expect((await request(originOf(custom), '/index.html')).body.toString()).toBe(INDEX_HTML);
    } finally {
      await stop(custom);
    }
  });

  it('takes DIST_DIR and CONTENT_DIR relative to the working directory', () => {
    const options = optionsFromEnv({ DIST_DIR: 'build', CONTENT_DIR: 'feed' }, tmp);
    expect(options.root).toBe(path.join(tmp, 'build'));
    expect(options.contentDir).toBe(path.join(tmp, 'feed'));
    expect(optionsFromEnv({ DIST_DIR: 'build' }, tmp).contentDir).toBe(
      path.join(tmp, 'build', 'content'),
    );
  });

  it('takes CONTENT_DIR relative to the working directory and stops on SIGTERM', async () => {
    await put(path.join(tmp, 'cli-feed', 'index.json'), '{"from":"cli"}');
    const child = spawn(process.execPath, [SCRIPT_PATH], {
      cwd: tmp,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CONTENT_DIR: 'cli-feed' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit');
    try {
      const url = await listeningUrl(child.stdout);
      const reply = await request(url.replace(/\/$/, ''), '/content/index.json');
      expect(reply.body.toString()).toBe('{"from":"cli"}');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
  });
});

// Keeps reading after the URL shows up: closing the pipe early would make the child's next
// console.log fail with EPIPE.
function listeningUrl(stdout: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /http:\/\/\S+/.exec(text);
      if (match) resolve(match[0]);
    });
    stdout.on('end', () => reject(new Error(`the server printed no URL: ${text}`)));
  });
}
