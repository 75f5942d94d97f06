// `npm start`: serves the built app and its feed with sirv, under the header policy the build
// writes for other hosts (scripts/lib/headers.mjs).
// Usage: node scripts/serve.mjs   (env: PORT, HOST, DIST_DIR, CONTENT_DIR)
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sirv from 'sirv';
import { CACHE } from './lib/headers.mjs';
import { requestForSirv } from './lib/serve-encoding.mjs';
import { applyPolicy } from './lib/serve-policy.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_PORT = 4173;
const DEFAULT_HOST = '127.0.0.1';
const CONTENT_PREFIX = '/content';
const SHUTDOWN_GRACE_MS = 5000;
// A feed may be read by an app on another origin (spec: "if it sends CORS headers").
const CORS = { 'Access-Control-Allow-Origin': '*' };

/**
 * @typedef {object} ServerOptions
 * @property {string} [root] directory holding the built app; defaults to <repo>/dist
 * @property {string} [contentDir] directory served at /content/; defaults to <root>/content
 * @property {number} [port] 0 picks a free port
 * @property {string} [host]
 */

/**
 * `dev: true` looks every request up on disk. sirv's default lists the folder once at start,
 * and would then miss, or send with a stale length, a file replaced while it runs: the feed is
 * replaced without a rebuild, and a new build may be written under a running server.
 * sirv's own ETag is off: scripts/lib/serve-policy.mjs sets a stronger one, and answers 304.
 * @param {string} dir
 * @param {import('sirv').Options} options
 */
function serveFolder(dir, options) {
  return sirv(dir, { dev: true, etag: false, brotli: true, gzip: true, ...options });
}

/**
 * Starts the server and resolves once it is listening.
 * @param {ServerOptions} [options]
 * @returns {Promise<http.Server>}
 */
export function createServer(options = {}) {
  const root = path.resolve(options.root ?? path.join(REPO_ROOT, 'dist'));
  const contentDir = path.resolve(options.contentDir ?? path.join(root, 'content'));
  const security = { 'X-Content-Type-Options': 'nosniff', ...readSecurityHeaders(root) };
  const app = serveFolder(root, {
    // Unknown paths get the app shell, except files (sirv: a name with an extension) and
    // hashed assets: a stale chunk must fail loudly, not come back as HTML.
    single: true,
    ignores: ['^/assets/'],
    setHeaders(res, pathname, stats) {
      const immutable = pathname.startsWith('/assets/');
      const cache = immutable ? CACHE.immutable : CACHE.revalidate;
      applyPolicy(res, stats, { ...security, 'Cache-Control': cache });
    },
    onNoMatch: (_req, res) => sendText(res, 404, `Not found: ${res.req.url}`),
  });
  const feed = serveFolder(contentDir, {
    extensions: [],
    setHeaders: (res, _pathname, stats) =>
      applyPolicy(res, stats, { ...security, 'Cache-Control': CACHE.feed, ...CORS }),
    // A feed client must see a 404 for a missing file, never the app's HTML.
    onNoMatch: (_req, res) => sendText(res, 404, `Not found: ${res.req.url}`, CORS),
  });
  const server = http.createServer((req, res) => {
    try {
      route(req, res, app, feed);
    } catch (error) {
      console.error(error);
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'Internal server error');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, options.host ?? DEFAULT_HOST, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {import('sirv').RequestHandler} app
 * @param {import('sirv').RequestHandler} feed
 */
function route(req, res, app, feed) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const url = req.url ?? '/';
  const pathname = url.split('?', 1)[0];
  if (pathname === CONTENT_PREFIX || pathname?.startsWith(`${CONTENT_PREFIX}/`)) {
    const rest = url.slice(CONTENT_PREFIX.length);
    feed(requestForSirv(req, rest.startsWith('/') ? rest : `/${rest}`), res);
  } else {
    app(requestForSirv(req, url), res);
  }
}

/**
 * The build writes the headers the app must be served with (scripts/lib/vite-plugin-headers.mjs);
 * a build without them is served without.
 * @param {string} root
 * @returns {Record<string, string>}
 */
function readSecurityHeaders(root) {
  try {
    return JSON.parse(readFileSync(path.join(root, 'security-headers.json'), 'utf8'));
  } catch {
    return {};
  }
}

/**
 * Reads the CLI configuration; DIST_DIR and CONTENT_DIR are relative to the working directory.
 * @param {NodeJS.ProcessEnv} [env]
 * @param {string} [cwd]
 * @returns {Required<ServerOptions>}
 */
export function optionsFromEnv(env = process.env, cwd = process.cwd()) {
  const root = env.DIST_DIR ? path.resolve(cwd, env.DIST_DIR) : path.join(REPO_ROOT, 'dist');
  return {
    root,
    contentDir: env.CONTENT_DIR ? path.resolve(cwd, env.CONTENT_DIR) : path.join(root, 'content'),
    port: env.PORT ? parsePort(env.PORT) : DEFAULT_PORT,
    host: env.HOST || DEFAULT_HOST,
  };
}

/**
 * @param {string} value
 * @returns {number}
 */
function parsePort(value) {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string>} [extra]
 */
function sendText(res, status, text, extra = {}) {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** @param {http.Server} server */
function closeOnSignals(server) {
  const stop = () => {
    server.close(() => {
      process.exitCode = 0;
    });
    server.closeIdleConnections();
    // A client holding a request open must not keep the process alive forever.
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main() {
  const options = optionsFromEnv();
  const server = await createServer(options);
  closeOnSignals(server);
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  console.log(`Folio: serving ${options.root} at http://${host}:${address.port}/`);
  console.log(`Folio: /content/ from ${options.contentDir}`);
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
