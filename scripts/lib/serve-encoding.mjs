// Content-Encoding for `npm start` (scripts/serve.mjs). sirv sends the .br or .gz copy that the
// build writes beside each hashed asset (scripts/lib/vite-plugin-precompress.mjs); every other
// text file is compressed here as it is sent. That is the feed above all: it changes without a
// build, so no copy of it can be trusted, and it is the largest download of a first visit (the
// first page of a 1,000-article synthetic feed: 541 KB as JSON, 95 KB in brotli). Likewise
// index.html and sw.js, which a deploy may replace in place.
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';

/** @typedef {'br' | 'gzip'} Coding */

/**
 * The codings a client accepts among those Folio sends, preferred first. Hand-written because
 * sirv matches "br" and "gzip" as substrings, where a q-value of 0 refuses a coding (RFC 9110).
 * @param {string | string[] | undefined} header Accept-Encoding
 * @returns {Coding[]}
 */
export function acceptedCodings(header) {
  /** @type {Map<string, number>} coding → q value */
  const weights = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    if (name !== '') weights.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  /** @param {Coding} name */
  const allows = (name) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
  return /** @type {Coding[]} */ (['br', 'gzip']).filter(allows);
}

/**
 * What sirv reads of a request: its path (here relative to the folder sirv serves) and its
 * headers, with Accept-Encoding as read above. The request itself is left as it came, for
 * whoever else listens to the server.
 * @param {import('node:http').IncomingMessage} req
 * @param {string} url
 * @returns {import('node:http').IncomingMessage}
 */
export function requestForSirv(req, url) {
  const codings = acceptedCodings(req.headers['accept-encoding']).join(', ');
  const headers = { ...req.headers, 'accept-encoding': codings };
  return /** @type {import('node:http').IncomingMessage} */ (
    /** @type {unknown} */ ({ url, method: req.method, headers })
  );
}

/**
 * Types worth compressing; images other than SVG, and fonts, are compressed already.
 * @param {string} type
 * @returns {boolean}
 */
export function isCompressible(type) {
  return /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/.test(type);
}

/**
 * Puts a compressor between the file sirv pipes into `res` (right after writeHead) and `res`.
 * @param {import('node:http').ServerResponse} res
 * @param {Coding} coding
 */
export function compressOnTheWay(res, coding) {
  res.once('pipe', (file) => {
    file.unpipe(res);
    // On an error (a file deleted under sirv) every stream is destroyed, `res` included.
    pipeline(file, compressor(coding), res, () => {});
  });
}

/**
 * Brotli's top quality takes seconds on a large article; 5 is close in size and fast enough.
 * @param {Coding} coding
 */
function compressor(coding) {
  if (coding === 'gzip') return zlib.createGzip();
  return zlib.createBrotliCompress({
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
    },
  });
}
