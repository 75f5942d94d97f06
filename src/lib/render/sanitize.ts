import DOMPurify from 'dompurify';

/** What an article body may contain: text formatting, structure, links, images, tables. */
const ALLOWED_TAGS = (
  'a abbr b blockquote br caption cite code dd del div dl dt em figcaption figure h2 h3 h4 h5 h6 ' +
  'hr i img ins kbd li mark ol p pre q s small span strong sub sup table tbody td tfoot th thead ' +
  'time tr u ul'
).split(' ');
const ALLOWED_ATTR =
  'alt cite colspan datetime dir height href lang rowspan scope src title width'.split(' ');
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

let hooked = false;
let currentBase = '';
/** Where an article may load images from: the app and the feed, no third party. */
let loadableOrigins = new Set<string>();

/** Runs on every kept element, after DOMPurify has dropped unsafe attributes. */
function rewriteUrls(node: Element): void {
  for (const name of ['href', 'src', 'cite'] as const) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    try {
      const url = new URL(value, currentBase);
      // A src loads as soon as it renders: from another origin it would tell a third party who
      // reads what. A link only goes there when the reader follows it.
      const loads = name === 'src';
      if (SAFE_PROTOCOLS.has(url.protocol) && (!loads || loadableOrigins.has(url.origin))) {
        node.setAttribute(name, url.href);
      } else {
        node.removeAttribute(name);
      }
    } catch {
      node.removeAttribute(name);
    }
  }
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
  }
}

/**
 * Sanitises an untrusted article body for rendering, resolving its relative URLs against the
 * article file's address (the page's own address is not the article's). Images load only from
 * the feed's origin or the app's.
 */
export function sanitizeBody(html: string, articleUrl: string): string {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', rewriteUrls);
    hooked = true;
  }
  currentBase = articleUrl;
  loadableOrigins = new Set([new URL(articleUrl).origin, globalThis.location.origin]);
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR });
}
