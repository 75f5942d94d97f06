// @vitest-environment node
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CACHE,
  contentSecurityPolicy,
  inlineScriptHashes,
  netlifyHeaders,
  nginxSnippet,
  securityHeaders,
} from '../../scripts/lib/headers.mjs';
import { createServer } from '../../scripts/serve.mjs';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(() => Promise.all(cleanup.map((step) => step())));

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );

describe('Content-Security-Policy', () => {
  it('allows inline scripts only by their hash', () => {
    const code = "document.documentElement.dataset.theme='dark'";
    const html = `<head><script>${code}</script><script type="module" src="/assets/app.js"></script></head>`;
    const hash = createHash('sha256').update(code).digest('base64');
    expect(inlineScriptHashes(html)).toEqual([`'sha256-${hash}'`]);
  });

  it("has script-src 'self', object-src 'none', base-uri 'self' and frame-ancestors", () => {
    const policy = directives(contentSecurityPolicy({ scriptHashes: ["'sha256-abc'"] }));
    expect(policy['script-src']).toEqual(["'self'", "'sha256-abc'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
  });

  it('opens connect-src and img-src to the configured feed and comment hosts only', () => {
    const policy = directives(
      contentSecurityPolicy({
        feedUrl: 'https://cdn.example.org/feed/index.json',
        commentsUrl: 'https://site.example.org/wp-json/wp/v2/comments',
      }),
    );
    expect(policy['connect-src']).toEqual([
      "'self'",
      'https://cdn.example.org',
      'https://site.example.org',
    ]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://cdn.example.org']);
    // A relative feed address is the app's own origin.
    expect(
      directives(contentSecurityPolicy({ feedUrl: 'content/index.json' }))['connect-src'],
    ).toEqual(["'self'"]);
  });

  it('leaves frame-ancestors out of the <meta> version, which cannot carry it', () => {
    expect(contentSecurityPolicy({ forMeta: true })).not.toContain('frame-ancestors');
  });

  it('is written for Netlify/Cloudflare and nginx with the cache policy', () => {
    const policy = contentSecurityPolicy({});
    const netlify = netlifyHeaders(policy);
    expect(netlify).toContain(`/*\n  Content-Security-Policy: ${policy}`);
    expect(netlify).toContain('/assets/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(netlify).toContain('/content/*\n  Cache-Control: public, max-age=60');
    const nginx = nginxSnippet(policy);
    expect(nginx).toContain(`add_header Content-Security-Policy "${policy}" always;`);
    expect(nginx).toContain('try_files $uri =404;');
  });

  it('is sent by npm start on every page, the SPA fallback included', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'folio-headers-'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    const headers = securityHeaders(contentSecurityPolicy({}));
    await writeFile(path.join(root, 'security-headers.json'), JSON.stringify(headers));
    const server: Server = await createServer({ root, port: 0, host: '127.0.0.1' });
    cleanup.push(
      () => new Promise((resolve) => server.close(resolve)),
      () => rm(root, { recursive: true }),
    );
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const address of ['/', '/article/some-id']) {
      const response = await fetch(base + address, { headers: { Accept: 'text/html' } });
      expect(response.headers.get('content-security-policy')).toBe(
        headers['Content-Security-Policy'],
      );
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });
});

/** The `_headers` rules as path → headers, in file order. */
function parseNetlify(text: string): [string, Record<string, string>][] {
  return text
    .trim()
    .split(/\n\n+/)
    .map((block) => {
      const [path = '', ...lines] = block.split('\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const at = line.indexOf(':');
          return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
        }),
      );
      return [path, headers];
    });
}

/** Netlify and Cloudflare Pages join every matching rule's values: what a path really gets. */
function netlifyCacheControl(rules: [string, Record<string, string>][], address: string): string {
  const matches = (pattern: string) =>
    pattern.endsWith('*') ? address.startsWith(pattern.slice(0, -1)) : address === pattern;
  return rules
    .filter(([pattern, headers]) => matches(pattern) && headers['Cache-Control'])
    .map(([, headers]) => headers['Cache-Control'])
    .join(', ');
}

describe('cache policy (issue 5)', () => {
  const policy = contentSecurityPolicy({});

  it('is one year immutable for hashed assets, no-cache for the shell, a short max-age for the feed', () => {
    expect(CACHE.immutable).toBe('public, max-age=31536000, immutable');
    expect(CACHE.revalidate).toBe('no-cache');
    expect(CACHE.feed).toMatch(/^public, max-age=\d{1,3}$/);
  });

  it('gives each path exactly one Cache-Control in _headers, even where rules overlap', () => {
    const rules = parseNetlify(netlifyHeaders(policy));
    expect(netlifyCacheControl(rules, '/assets/index-abc123.js')).toBe(CACHE.immutable);
    for (const address of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      expect(netlifyCacheControl(rules, address)).toBe('no-cache');
    }
    expect(netlifyCacheControl(rules, '/article/some-id')).toBe('no-cache');
    expect(netlifyCacheControl(rules, '/content/index.json')).toBe(CACHE.feed);
    // The security headers apply everywhere.
    expect(rules[0]).toEqual(['/*', securityHeaders(policy)]);
  });

  it('is in the nginx snippet: immutable assets, no-cache shell files, the feed with max-age and ETag', () => {
    const nginx = nginxSnippet(policy);
    const block = (location: string) => {
      const start = nginx.indexOf(`location ${location} {`);
      expect(start, `no location ${location}`).toBeGreaterThanOrEqual(0);
      return nginx.slice(start, nginx.indexOf('\n}', start));
    };
    expect(block('/assets/')).toContain(`add_header Cache-Control "${CACHE.immutable}" always;`);
    for (const file of ['/index.html', '/sw.js', '/manifest.webmanifest']) {
      expect(block(`= ${file}`)).toContain('add_header Cache-Control "no-cache" always;');
      expect(block(`= ${file}`)).toContain(
        `add_header Content-Security-Policy "${policy}" always;`,
      );
    }
    expect(block('/')).toContain('add_header Cache-Control "no-cache" always;');
    expect(block('/content/')).toContain(`add_header Cache-Control "${CACHE.feed}" always;`);
    expect(block('/content/')).toContain('etag on;');
    expect(nginx).toMatch(/^etag on;$/m);
  });

  it('is what npm start sends, with an ETag the feed can be revalidated with', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'folio-cache-'));
    await mkdir(path.join(root, 'assets'));
    await mkdir(path.join(root, 'content'));
    const files: Record<string, string> = {
      'index.html': '<!doctype html><title>x</title>',
      'sw.js': 'self.addEventListener("fetch", () => {});',
      'manifest.webmanifest': '{"name":"Folio"}',
      'assets/index-abc123.js': 'export {};',
      'content/index.json': '{"version":1}',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, name), text);
    const server: Server = await createServer({ root, port: 0, host: '127.0.0.1' });
    cleanup.push(
      () => new Promise((resolve) => server.close(resolve)),
      () => rm(root, { recursive: true }),
    );
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cacheControl = async (address: string) =>
      (await fetch(base + address, { headers: { Accept: 'text/html' } })).headers.get(
        'cache-control',
      );

    expect(await cacheControl('/assets/index-abc123.js')).toBe(CACHE.immutable);
    for (const address of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/bookmarks']) {
      expect(await cacheControl(address)).toBe('no-cache');
    }
    const feed = await fetch(`${base}/content/index.json`);
    expect(feed.headers.get('cache-control')).toBe(CACHE.feed);
    const etag = feed.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await fetch(`${base}/content/index.json`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(again.status).toBe(304);
  });
});
