// The HTTP headers Folio should be served with, in one place: the Content-Security-Policy and
// the cache policy. The build writes them for common hosts (see scripts/lib/vite-plugin-headers.mjs),
// and `npm start` sends the same.
import { createHash } from 'node:crypto';

/** sha256 sources for every inline <script> in an HTML page, for script-src. */
export function inlineScriptHashes(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((match) => match[1])
    .filter((code) => code.trim() !== '')
    .map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
}

/**
 * The origin of an absolute http(s) address, or null for a relative or unusable one.
 * @param {string | undefined} address
 * @returns {string | null}
 */
export function originOf(address) {
  if (!address) return null;
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The policy: only the app's own scripts (inline ones by hash), no plugins, no <base> tricks,
 * no framing; network and images only from the app, the feed and the comment endpoint.
 * `forMeta` leaves out what a <meta> element cannot carry.
 */
export function contentSecurityPolicy({
  scriptHashes = [],
  feedUrl,
  commentsUrl,
  forMeta = false,
}) {
  const feed = originOf(feedUrl);
  const comments = originOf(commentsUrl);
  const connect = ["'self'", feed, comments].filter(Boolean);
  const images = ["'self'", 'data:', 'blob:', feed].filter(Boolean);
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    // Svelte sets some styles from script (progress bars, transitions).
    "style-src 'self' 'unsafe-inline'",
    `img-src ${[...new Set(images)].join(' ')}`,
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "font-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
  ];
  if (!forMeta) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

/** The cache policy (issue 5): hashed files for a year, the shell revalidated, the feed briefly. */
export const CACHE = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
  feed: 'public, max-age=60',
};

/**
 * Files with fixed names that must be revalidated on every use: a stale index.html or sw.js
 * would pin readers to an old version. App routes answered with index.html are listed too,
 * since some hosts match header rules on the requested path.
 */
export const REVALIDATED_PATHS = [
  '/',
  '/index.html',
  '/sw.js',
  '/manifest.webmanifest',
  '/asset-manifest.json',
  '/bookmarks',
  '/settings',
  '/search',
  '/article/*',
];

/** Headers every response carries. */
export function securityHeaders(policy) {
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages) with the cache policy and the security headers.
 * Both hosts join the values of every rule that matches a path, so Cache-Control is set by
 * disjoint rules only (never on `/*`, which would give assets "no-cache, …, immutable").
 * Both send an ETag for static files by themselves.
 */
export function netlifyHeaders(policy) {
  const block = (path, headers) =>
    `${path}\n${Object.entries(headers)
      .map(([name, value]) => `  ${name}: ${value}`)
      .join('\n')}\n`;
  return [
    block('/*', securityHeaders(policy)),
    block('/assets/*', { 'Cache-Control': CACHE.immutable }),
    block('/content/*', { 'Cache-Control': CACHE.feed, 'Access-Control-Allow-Origin': '*' }),
    ...REVALIDATED_PATHS.map((path) => block(path, { 'Cache-Control': CACHE.revalidate })),
  ].join('\n');
}

/** An nginx server-block snippet doing the same. */
export function nginxSnippet(policy) {
  const security = Object.entries(securityHeaders(policy))
    .map(([name, value]) => `    add_header ${name} "${value}" always;`)
    .join('\n');
  // nginx's own mime.types (1.22, Debian 12) has no type for the web app manifest.
  const typeOf = {
    '/manifest.webmanifest': '    types { }\n    default_type application/manifest+json;\n',
  };
  const exact = ['/index.html', '/sw.js', '/manifest.webmanifest', '/asset-manifest.json']
    .map(
      (path) => `location = ${path} {
${typeOf[path] ?? ''}    add_header Cache-Control "${CACHE.revalidate}" always;
${security}
}`,
    )
    .join('\n');
  return `# Folio: include inside the server { } block that serves the built app (dist/).
# nginx sends ETag and Last-Modified for static files; "etag on" says so explicitly.
# add_header in a location replaces the server's, so each location lists all of its headers.
etag on;
location /assets/ {
    add_header Cache-Control "${CACHE.immutable}" always;
${security}
}
location /content/ {
    # The feed: a short max-age, then a conditional request (If-None-Match) costs one 304.
    etag on;
    add_header Cache-Control "${CACHE.feed}" always;
    add_header Access-Control-Allow-Origin "*" always;
    # A missing feed file must answer 404, never the app's HTML.
    try_files $uri =404;
}
# The shell: always revalidated, so a new version is found at once.
${exact}
location / {
    add_header Cache-Control "${CACHE.revalidate}" always;
${security}
    try_files $uri $uri/ /index.html;
}
`;
}
