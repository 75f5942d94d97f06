// What `npm start` (scripts/serve.mjs) sets on each file sirv sends: Folio's headers, and the
// HTTP rules sirv leaves out. Hand-written, and kept to what the server's tests ask of it:
// - a strong ETag that changes whenever the file is written (sirv's is W/"size-mtime", the same
//   for a file rewritten with the same size within its mtime), and one per encoding;
// - 304 for If-None-Match by the weak comparison it calls for, and for If-Modified-Since (sirv
//   answers only a tag equal to its own, character for character);
// - text types marked UTF-8 (sirv does so for HTML only);
// - compression of text files without a copy (scripts/lib/serve-encoding.mjs).
import { createHash } from 'node:crypto';
import { acceptedCodings, compressOnTheWay, isCompressible } from './serve-encoding.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('node:http').OutgoingHttpHeaders} OutgoingHttpHeaders */

/**
 * Applies `policy` to the answer sirv is about to write for a file with these stats: sirv calls
 * its setHeaders hook, then writeHead(200 or 206, its headers), then pipes the file. A 304 keeps
 * the headers and Node drops the piped body, as it does for HEAD.
 * @param {ServerResponse} res
 * @param {import('node:fs').Stats} stats of the file as served (a .br copy has its own)
 * @param {Record<string, string>} policy
 */
export function applyPolicy(res, stats, policy) {
  const fileTag = etagOf(stats);
  const writeHead = res.writeHead;
  /**
   * @param {number} status
   * @param {OutgoingHttpHeaders} [headers]
   */
  const withPolicy = (status, headers = {}) => {
    const type = contentType(headers['Content-Type']);
    const copy = headers['Content-Encoding'] !== undefined;
    const compress = status === 200 && !copy && isCompressible(type);
    const [coding] = compress ? acceptedCodings(res.req.headers['accept-encoding']) : [];
    const etag = coding ? `${fileTag.slice(0, -1)}-${coding}"` : fileTag;
    const notModified = isNotModified(res.req, etag, stats.mtimeMs);
    /** @type {OutgoingHttpHeaders} */
    const all = { ...headers, 'Content-Type': type, ETag: etag, ...policy };
    if (coding && !notModified) {
      all['Content-Encoding'] = coding;
      compressOnTheWay(res, coding);
    }
    if (coding || notModified) delete all['Content-Length'];
    return writeHead.call(res, notModified ? 304 : status, all);
  };
  res.writeHead = /** @type {ServerResponse['writeHead']} */ (withPolicy);
  // sirv does not watch the file stream: a file deleted after sirv saw it would throw, and a
  // client gone mid-file would leave it open.
  res.once('pipe', (file) => {
    file.once('error', () => res.destroy());
    res.once('close', () => file.destroy());
  });
}

/**
 * A strong validator for one file as it is on disk. The ctime moves on every write, even one
 * that puts the mtime back, so rewritten bytes always get a new tag.
 * @param {import('node:fs').Stats} stats
 * @returns {string}
 */
function etagOf(stats) {
  const identity = `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
  return `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
}

/**
 * If-None-Match wins over If-Modified-Since, as RFC 9110 requires.
 * @param {IncomingMessage} req
 * @param {string} etag
 * @param {number} mtimeMs
 * @returns {boolean}
 */
function isNotModified(req, etag, mtimeMs) {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagListMatches(ifNoneMatch, etag);
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
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
 * @param {OutgoingHttpHeaders[string]} sirvType sirv's type: bare, "" when unknown
 * @returns {string}
 */
function contentType(sirvType) {
  const type =
    String(sirvType ?? '')
      .split(';')[0]
      ?.trim() ?? '';
  if (type === '') return 'application/octet-stream';
  return type.startsWith('text/') || type === 'application/json' ? `${type}; charset=utf-8` : type;
}
