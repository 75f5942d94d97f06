// @vitest-environment node
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
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
