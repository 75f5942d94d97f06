// Production static server for the built app (dist/), with the cache policy a CDN would use.
// Usage: node scripts/serve.mjs   (env: PORT, HOST, CONTENT_DIR)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { CACHE } from './lib/headers.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_PORT = 4173;
const DEFAULT_HOST = '127.0.0.1';
const CONTENT_PREFIX = '/content';
// Bounds memory when a large feed (tens of thousands of article files) is served compressed.
const COMPRESSION_CACHE_BYTES = 64 * 1024 * 1024;
const SHUTDOWN_GRACE_MS = 5000;

// The same policy as the header files the build writes for other hosts.
const CACHE_IMMUTABLE = CACHE.immutable;
const CACHE_CONTENT = CACHE.feed;
const CACHE_REVALIDATE = CACHE.revalidate;

/** @type {ReadonlyMap<string, string>} */
const CONTENT_TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.webmanifest', 'application/manifest+json'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.woff2', 'font/woff2'],
  ['.map', 'application/json; charset=utf-8'],
]);

// Images and fonts are already compressed; recompressing them wastes CPU for no gain.
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.webmanifest',
  '.txt',
  '.map',
]);

const compressors = {
  br: promisify(zlib.brotliCompress),
  gzip: promisify(zlib.gzip),
};

/**
 * @typedef {object} ServerOptions
 * @property {string} [root] directory holding the built app; defaults to <repo>/dist
 * @property {string} [contentDir] directory served at /content/; defaults to <root>/content
 * @property {number} [port] 0 picks a free port
 * @property {string} [host]
 */

/**
 * @typedef {object} ServerConfig
 * @property {string} root
 * @property {string} contentDir
 * @property {CompressionCache} cache
 * @property {Headers} security headers every response carries (the build's CSP and friends)
 */

/**
 * @typedef {object} StaticFile
 * @property {string} filePath
 * @property {Buffer} body
 * @property {number} mtimeMs
 * @property {string} etag
 */

/** @typedef {'br' | 'gzip' | 'identity'} Encoding */

/** @typedef {Record<string, string>} Headers */

/**
 * Keeps compressed bodies keyed by file and encoding. The version includes the content hash,
 * not only the mtime: a file replaced within the same mtime tick must never be served stale.
 */
class CompressionCache {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** @type {Map<string, { version: string, data: Buffer }>} */
    this.entries = new Map();
  }

  /**
   * @param {string} key
   * @param {string} version
   * @returns {Buffer | undefined}
   */
  get(key, version) {
    const entry = this.entries.get(key);
    return entry && entry.version === version ? entry.data : undefined;
  }

  /**
   * @param {string} key
   * @param {string} version
   * @param {Buffer} data
   */
  set(key, version, data) {
    this.delete(key);
    if (data.length > this.maxBytes) return;
    this.entries.set(key, { version, data });
    this.bytes += data.length;
    this.evictOldest();
  }

  /** @param {string} key */
  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.data.length;
    this.entries.delete(key);
  }

  evictOldest() {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) return;
      this.delete(key);
    }
  }
}

/**
 * Starts the server and resolves once it is listening.
 * @param {ServerOptions} [options]
 * @returns {Promise<http.Server>}
 */
export function createServer(options = {}) {
  const root = path.resolve(options.root ?? path.join(REPO_ROOT, 'dist'));
  /** @type {ServerConfig} */
  const config = {
    root,
    contentDir: path.resolve(options.contentDir ?? path.join(root, 'content')),
    cache: new CompressionCache(COMPRESSION_CACHE_BYTES),
    security: readSecurityHeaders(root),
  };
  const server = http.createServer((req, res) => {
    respond(req, res, config).catch((error) => failRequest(res, error));
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
 * The build writes the headers the app must be served with (scripts/lib/vite-plugin-headers.mjs);
 * a build without them is served without.
 * @param {string} root
 * @returns {Headers}
 */
function readSecurityHeaders(root) {
  try {
    return JSON.parse(readFileSync(path.join(root, 'security-headers.json'), 'utf8'));
  } catch {
    return {};
  }
}

/**
 * Reads the CLI configuration; CONTENT_DIR is relative to the working directory.
 * @param {NodeJS.ProcessEnv} [env]
 * @param {string} [cwd]
 * @returns {Required<ServerOptions>}
 */
export function optionsFromEnv(env = process.env, cwd = process.cwd()) {
  const root = path.join(REPO_ROOT, 'dist');
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
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {ServerConfig} config
 */
async function respond(req, res, config) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const urlPath = decodePath(req.url);
  if (urlPath === null) {
    sendText(res, 400, 'Bad request path');
    return;
  }
  const target = locate(urlPath, config);
  if (target === null) {
    sendText(res, 403, 'Forbidden');
    return;
  }
  const file = await readStatic(target.filePath);
  if (file) {
    const policy = policyFor(urlPath, target.isContent);
    policy.extra = { ...config.security, ...policy.extra };
    await sendFile(req, res, file, policy, config.cache);
    return;
  }
  await sendMissing(req, res, urlPath, target.isContent, config);
}

/**
 * A feed client must see a 404 for a missing feed file, and a stale hashed asset must fail
 * loudly; only navigations get the app shell.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {string} urlPath
 * @param {boolean} isContent
 * @param {ServerConfig} config
 */
async function sendMissing(req, res, urlPath, isContent, config) {
  const contentHeaders = isContent ? corsHeaders() : {};
  if (isContent || urlPath.startsWith('/assets/') || !isNavigation(req, urlPath)) {
    sendText(res, 404, `Not found: ${urlPath}`, contentHeaders);
    return;
  }
  const index = await readStatic(path.join(config.root, 'index.html'));
  if (!index) {
    sendText(res, 404, 'Not found: index.html is missing (run npm run build)');
    return;
  }
  const policy = { cacheControl: CACHE_REVALIDATE, extra: config.security };
  await sendFile(req, res, index, policy, config.cache);
}

/**
 * Works on the raw path rather than the WHATWG URL parser, which would silently collapse
 * "/../" and hide a traversal attempt behind an innocent-looking path.
 * @param {string | undefined} rawUrl
 * @returns {string | null}
 */
function decodePath(rawUrl) {
  const pathname = (rawUrl ?? '/').split(/[?#]/, 1)[0] ?? '/';
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return null;
  return decoded;
}

/**
 * @param {string} urlPath
 * @param {ServerConfig} config
 * @returns {{ filePath: string, isContent: boolean } | null} null for a traversal attempt
 */
function locate(urlPath, config) {
  const isContent = urlPath === CONTENT_PREFIX || urlPath.startsWith(`${CONTENT_PREFIX}/`);
  const base = isContent ? config.contentDir : config.root;
  const relative = isContent ? urlPath.slice(CONTENT_PREFIX.length) : urlPath;
  // Backslashes count as separators too, so "..\" cannot sneak through on any platform.
  const segments = relative.split(/[/\\]/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return null;
  const filePath = path.join(base, ...segments);
  if (filePath !== base && !filePath.startsWith(base + path.sep)) return null;
  return { filePath, isContent };
}

/**
 * Reads through one file handle so the stat and the bytes describe the same file even when
 * it is being replaced on disk at that moment.
 * @param {string} filePath
 * @returns {Promise<StaticFile | null>} null when there is no regular file there
 */
async function readStatic(filePath) {
  /** @type {import('node:fs/promises').FileHandle | undefined} */
  let handle;
  try {
    handle = await open(filePath, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return null;
    const body = await handle.readFile();
    return { filePath, body, mtimeMs: info.mtimeMs, etag: strongEtag(body) };
  } catch (error) {
    if (isMissingFileError(error)) return null;
    throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * @param {unknown} error
 * @returns {boolean}
 */
function isMissingFileError(error) {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return ['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG'].includes(String(code));
}

/**
 * @param {Buffer} body
 * @returns {string}
 */
function strongEtag(body) {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * @param {http.IncomingMessage} req
 * @param {string} urlPath
 * @returns {boolean}
 */
function isNavigation(req, urlPath) {
  const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
  const accept = req.headers.accept ?? '';
  return path.extname(lastSegment) === '' || accept.includes('text/html');
}

/**
 * @param {string} urlPath
 * @param {boolean} isContent
 * @returns {{ cacheControl: string, extra: Headers }}
 */
function policyFor(urlPath, isContent) {
  if (isContent) return { cacheControl: CACHE_CONTENT, extra: corsHeaders() };
  if (urlPath.startsWith('/assets/')) return { cacheControl: CACHE_IMMUTABLE, extra: {} };
  return { cacheControl: CACHE_REVALIDATE, extra: {} };
}

/**
 * A feed may be read by an app on another origin (spec: "if it sends CORS headers").
 * @returns {Headers}
 */
function corsHeaders() {
  return { 'Access-Control-Allow-Origin': '*' };
}

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {StaticFile} file
 * @param {{ cacheControl: string, extra: Headers }} policy
 * @param {CompressionCache} cache
 */
async function sendFile(req, res, file, policy, cache) {
  const ext = path.extname(file.filePath).toLowerCase();
  const compressible = COMPRESSIBLE.has(ext);
  const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : 'identity';
  const etag = representationEtag(file.etag, encoding);
  /** @type {Headers} */
  const headers = {
    'Cache-Control': policy.cacheControl,
    ETag: etag,
    'Last-Modified': new Date(file.mtimeMs).toUTCString(),
    'X-Content-Type-Options': 'nosniff',
    ...policy.extra,
  };
  if (compressible) headers.Vary = 'Accept-Encoding';
  if (isNotModified(req, etag, file.mtimeMs)) {
    res.writeHead(304, headers).end();
    return;
  }
  const body = await encodedBody(file, encoding, cache);
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  headers['Content-Type'] = CONTENT_TYPES.get(ext) ?? 'application/octet-stream';
  headers['Content-Length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Each encoding is its own representation, so it gets its own strong validator.
 * @param {string} etag
 * @param {Encoding} encoding
 * @returns {string}
 */
function representationEtag(etag, encoding) {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

/**
 * @param {string | undefined} header
 * @returns {Encoding}
 */
export function chooseEncoding(header) {
  const weights = parseAcceptEncoding(header ?? '');
  /** @param {string} name */
  const allows = (name) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return 'identity';
}

/**
 * @param {string} header
 * @returns {Map<string, number>} coding name → q value
 */
function parseAcceptEncoding(header) {
  const weights = new Map();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    if (name === '') continue;
    const qParam = params.find((param) => /^q=/i.test(param));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    weights.set(name.toLowerCase(), Number.isNaN(q) ? 0 : q);
  }
  return weights;
}

/**
 * If-None-Match wins over If-Modified-Since, as RFC 9110 requires.
 * @param {http.IncomingMessage} req
 * @param {string} etag
 * @param {number} mtimeMs
 * @returns {boolean}
 */
function isNotModified(req, etag, mtimeMs) {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagListMatches(ifNoneMatch, etag);
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds; the file's sub-second mtime must not defeat the match.
  return !Number.isNaN(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

/**
 * Weak comparison, which is what If-None-Match uses.
 * @param {string} header
 * @param {string} etag
 * @returns {boolean}
 */
function etagListMatches(header, etag) {
  if (header.trim() === '*') return true;
  /** @param {string} tag */
  const opaque = (tag) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * @param {StaticFile} file
 * @param {Encoding} encoding
 * @param {CompressionCache} cache
 * @returns {Promise<Buffer>}
 */
async function encodedBody(file, encoding, cache) {
  if (encoding === 'identity') return file.body;
  const key = `${encoding}\0${file.filePath}`;
  const version = `${file.mtimeMs}\0${file.etag}`;
  const cached = cache.get(key, version);
  if (cached) return cached;
  const data = await compress(file.body, encoding);
  cache.set(key, version, data);
  return data;
}

/**
 * Brotli's top quality takes seconds on a large article; 5 is close in size and fast enough
 * to compress on the first request.
 * @param {Buffer} body
 * @param {'br' | 'gzip'} encoding
 * @returns {Promise<Buffer>}
 */
function compress(body, encoding) {
  if (encoding === 'gzip') return compressors.gzip(body);
  return compressors.br(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {Headers} [extra]
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

/**
 * @param {http.ServerResponse} res
 * @param {unknown} error
 */
function failRequest(res, error) {
  console.error(error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendText(res, 500, 'Internal server error');
}

/**
 * @param {http.Server} server
 * @param {string} host
 * @returns {string}
 */
function listeningUrl(server, host) {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : DEFAULT_PORT;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return `http://${shownHost}:${port}/`;
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
  console.log(`Folio: serving ${options.root} at ${listeningUrl(server, options.host)}`);
  console.log(`Folio: /content/ from ${options.contentDir}`);
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
