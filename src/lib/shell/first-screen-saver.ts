// The work of keeping the saved copy of Home's first screen (src/lib/shell/first-screen.ts) in
// step with what Home paints (see first-screen.ts): composing, comparing and writing the copy.
import {
  BLANK_ATTRIBUTE,
  FIRST_SCREEN_ATTRIBUTE,
  FIRST_SCREEN_CACHE,
  NOT_SAVED_ATTRIBUTE,
  composeFirstScreen,
  firstScreenKey,
  forgetFirstScreen,
  isHome,
  savedFirstScreen,
  stylesheetsOf,
} from './first-screen';

/** How long the page stays unchanged before its first screen is saved. */
const QUIET_MS = 1_000;

/** Headers of the shell's own answer that would be wrong for a different body. */
const BODY_HEADERS = ['content-length', 'content-encoding', 'etag', 'last-modified'];

const scope = () => new URL(import.meta.env.BASE_URL, location.href).href;

/** The children of `root` as HTML, when they are Home's first screen; null otherwise. */
export function firstScreenMarkup(root: HTMLElement): string | null {
  const first = root.querySelector(`:scope > :not([${FIRST_SCREEN_ATTRIBUTE}]) article.card`);
  if (first?.getAttribute('aria-posinset') !== '1') return null;
  if (root.querySelector('dialog[open]')) return null;
  const copy = root.cloneNode(true) as HTMLElement;
  const left = copy.querySelectorAll(`[${FIRST_SCREEN_ATTRIBUTE}], [${NOT_SAVED_ATTRIBUTE}]`);
  for (const element of left) element.remove();
  for (const element of copy.querySelectorAll<HTMLElement>(`[${BLANK_ATTRIBUTE}]`)) {
    element.style.visibility = 'hidden';
  }
  return copy.innerHTML;
}

/**
 * The shell this page was built with, as its service worker serves it, and its stylesheets'
 * text; null when the worker already serves a newer build, whose scripts would run under this
 * page's markup.
 */
async function shellOfThisPage(): Promise<Shell | null> {
  const entry = document.querySelector('script[type="module"][src]')?.getAttribute('src');
  if (!entry) return null;
  const response = await fetch(new URL('index.html', scope()));
  if (!response.ok) return null;
  const text = await response.text();
  if (!text.includes(`src="${entry}"`)) return null;
  const headers = new Headers(response.headers);
  for (const name of BODY_HEADERS) headers.delete(name);
  const styles = new Map<string, string>();
  for (const href of stylesheetsOf(text)) {
    // A sheet that cannot be read stays a link: the first paint then waits for it, as before.
    const sheet = await fetch(new URL(href, location.href)).catch(() => null);
    if (sheet?.ok) styles.set(href, await sheet.text());
  }
  return { text, headers, styles };
}

interface Shell {
  text: string;
  headers: Headers;
  styles: Map<string, string>;
}

/** What of the root element a saved first screen carries (index.html's start-up script's work). */
const ROOT_DATA = ['data-theme', 'data-text-size'];

let lastSaved: string | null = null;

/** Copying the page is a task of its own: in an idle moment, so as never to delay an input. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 5_000 });
  else work();
}

async function save(root: HTMLElement): Promise<void> {
  if (!navigator.serviceWorker.controller || !isHome(new URL(location.href), scope())) return;
  const markup = firstScreenMarkup(root);
  if (markup === null) return;
  const { lang, dir } = document.documentElement;
  const rootData: Record<string, string> = {};
  for (const name of ROOT_DATA) {
    const value = document.documentElement.getAttribute(name);
    if (value !== null) rootData[name] = value;
  }
  const painted = JSON.stringify([lang, dir, rootData, markup]);
  // The same page again, unless the copy was forgotten since (a new theme, then the old one).
  if (painted === lastSaved && (await savedFirstScreen(scope())) !== undefined) return;
  const shell = await shellOfThisPage();
  if (!shell) return;
  const html = composeFirstScreen(shell.text, {
    markup,
    lang,
    dir: dir === 'rtl' ? 'rtl' : 'ltr',
    rootData,
    styles: shell.styles,
  });
  if (html === null) return;
  shell.headers.set('Content-Type', 'text/html; charset=utf-8');
  const cache = await caches.open(FIRST_SCREEN_CACHE);
  await cache.put(firstScreenKey(scope()), new Response(html, { headers: shell.headers }));
  lastSaved = painted;
}

/**
 * Saves Home's first screen whenever it has changed and the page has been quiet for QUIET_MS,
 * until the function this returns is called.
 */
export function watchFirstScreen(root: HTMLElement): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () =>
        whenIdle(() => {
          save(root).catch((error: unknown) => {
            // A full disk or a cache the browser refuses: the next visit paints as the app does.
            console.warn('Could not save the first screen', error);
          });
        }),
      QUIET_MS,
    );
  };
  const observer = new MutationObserver(later);
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  // A first visit is controlled only once its worker has installed.
  navigator.serviceWorker.addEventListener('controllerchange', later);
  later();
  return () => {
    navigator.serviceWorker.removeEventListener('controllerchange', later);
    observer.disconnect();
    clearTimeout(timer);
  };
}

/** Home has nothing to show: a saved first screen would show what is gone. */
export function firstScreenGone(): Promise<void> {
  lastSaved = null;
  return forgetFirstScreen().catch(() => undefined);
}
