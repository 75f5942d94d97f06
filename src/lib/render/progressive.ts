import { sanitizeBody } from './sanitize';

/** Below this a body is sanitised and inserted in one go; above it, in chunks. */
export const PROGRESSIVE_FROM = 200_000;
/** Raw HTML per chunk: small enough that one chunk stays well under a frame budget's worth. */
const CHUNK_CHARS = 40_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const escapeText = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * A top-level node as HTML again: an element as it is, text escaped (its `&lt;b&gt;` must not
 * become markup), and nothing for comments (WordPress's `<!-- wp:paragraph -->` is not text).
 */
function markupOf(node: ChildNode): string {
  if (node instanceof Element) return node.outerHTML;
  if (node.nodeType === Node.TEXT_NODE) return escapeText(node.textContent ?? '');
  return '';
}

/**
 * Renders an untrusted body into `target`, sanitised. A long body (a few hundred kilobytes and
 * up) would freeze the page for seconds if sanitised at once, so it is parsed in an inert
 * document, then sanitised and appended a chunk of top-level nodes at a time, yielding to input
 * between chunks. Sanitising each top-level subtree alone is as safe as sanitising the whole:
 * DOMPurify parses and cleans each string it is given.
 *
 * @returns a promise that settles when the whole body is in; `signal` stops it early.
 */
export async function renderBody(
  target: HTMLElement,
  html: string,
  baseUrl: string,
  signal?: AbortSignal,
): Promise<void> {
  if (html.length < PROGRESSIVE_FROM) {
    target.innerHTML = sanitizeBody(html, baseUrl);
    return;
  }
  target.replaceChildren();
  // An inert document: nothing in it runs or loads.
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  let chunk = '';
  for (const node of [...parsed.body.childNodes]) {
    chunk += markupOf(node);
    if (chunk.length < CHUNK_CHARS) continue;
    target.insertAdjacentHTML('beforeend', sanitizeBody(chunk, baseUrl));
    chunk = '';
    await nextTask();
    if (signal?.aborted) return;
  }
  if (chunk) target.insertAdjacentHTML('beforeend', sanitizeBody(chunk, baseUrl));
}
