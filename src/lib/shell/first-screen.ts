// Home's first screen, kept as HTML. The page saves what it last painted on Home (headlines,
// categories, header) into the app shell's HTML; the service worker answers the next visit to
// Home with it, so the headlines paint as soon as the HTML and the stylesheet are in, before any
// script has run. The app then mounts under it and takes over once its own list is painted
// (src/main.ts): the saved copy is a picture of the page, never the page itself.

export const FIRST_SCREEN_CACHE = 'folio-first-screen';

/** The attribute that marks the saved copy inside `#app`. */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';

/** Parts of the page that say something about one moment (toasts, hints): never saved. */
export const NOT_SAVED_ATTRIBUTE = 'data-not-in-first-screen';

/** Parts whose place is kept but whose words would be stale by the next visit ("updated now"). */
export const BLANK_ATTRIBUTE = 'data-blank-in-first-screen';

/** Where the copy is kept: the address of Home itself, in its own cache. */
export function firstScreenKey(scope: string): string {
  return new URL('./', scope).href;
}

/** Whether `url` is Home with nothing chosen: the one page the copy is of. */
export function isHome(url: URL, scope: string): boolean {
  const home = new URL('./', scope);
  return (
    url.origin === home.origin &&
    (url.pathname === home.pathname || url.pathname === `${home.pathname}index.html`) &&
    url.search === ''
  );
}

const APP_ROOT = '<div id="app"></div>';

const escapeAttribute = (value: string) =>
  value.replace(
    /[&"<>]/g,
    (char) => `&${{ '&': 'amp', '"': 'quot', '<': 'lt', '>': 'gt' }[char]};`,
  );

/**
 * The app shell's HTML (`index.html` as built) with `markup` (the serialised children of `#app`)
 * inside `#app`, and the language and direction it was painted in. Null when the shell has no
 * empty `#app` to fill: a build this code does not know, which is served as it is.
 */
export function composeFirstScreen(
  shell: string,
  markup: string,
  lang: string,
  dir: 'ltr' | 'rtl',
): string | null {
  const at = shell.indexOf(APP_ROOT);
  if (at === -1 || !/<html[^>]*>/i.test(shell)) return null;
  const filled = `<div id="app"><div ${FIRST_SCREEN_ATTRIBUTE}>${markup}</div></div>`;
  const body = shell.slice(0, at) + filled + shell.slice(at + APP_ROOT.length);
  return body.replace(/<html[^>]*>/i, `<html lang="${escapeAttribute(lang)}" dir="${dir}">`);
}

/** The saved first screen, when there is one (service worker or page). */
export async function savedFirstScreen(scope: string): Promise<Response | undefined> {
  const cache = await caches.open(FIRST_SCREEN_CACHE);
  return cache.match(firstScreenKey(scope));
}

/** Forgets the saved first screen: a new build's shell, or a reader who cleared what is saved. */
export async function forgetFirstScreen(): Promise<void> {
  await caches.delete(FIRST_SCREEN_CACHE);
}
