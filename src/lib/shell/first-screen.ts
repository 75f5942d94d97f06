// Home's first screen, kept as HTML. The page saves what it last painted on Home (headlines,
// categories, header) into the app shell's HTML; the service worker answers the next visit to
// Home with it, so the headlines paint as soon as the HTML and the stylesheet are in, before any
// script has run. The app then mounts under it and takes over once its own list is painted
// (src/main.ts): the saved copy is a picture of the page, never the page itself.

export const FIRST_SCREEN_CACHE = 'folio-first-screen';

import { FIRST_SCREEN_ATTRIBUTE } from './first-screen-marker';

export { FIRST_SCREEN_ATTRIBUTE };

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

/**
 * Marks index.html's start-up script, which sets the reader's theme and text size on the root
 * element from localStorage. A saved first screen carries them as attributes instead: the
 * script's first read of localStorage in a new page took 10-30 ms before anything could paint.
 */
export const ROOT_PREFERENCES_ATTRIBUTE = 'data-root-preferences';

const escapeAttribute = (value: string) =>
  value.replace(
    /[&"<>]/g,
    (char) => `&${{ '&': 'amp', '"': 'quot', '<': 'lt', '>': 'gt' }[char]};`,
  );

/** What the page painted on Home, as `composeFirstScreen` writes it into the shell. */
export interface PaintedHome {
  /** The serialised children of `#app`. */
  markup: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The root element's `data-*` attributes (theme, text size) by their attribute names. */
  rootData: Readonly<Record<string, string>>;
  /**
   * The shell's stylesheets by their `href`, as text: written into the HTML, so that the first
   * paint waits for no request to the service worker.
   */
  styles: ReadonlyMap<string, string>;
}

const STYLESHEET_LINK = /<link\b[^>]*\brel="stylesheet"[^>]*>/gi;
const hrefOf = (tag: string) => /\bhref="([^"]*)"/i.exec(tag)?.[1];

/** Each stylesheet link whose text is known: the text in a `<style>`, the link disabled. */
export function inlineStyles(html: string, styles: ReadonlyMap<string, string>): string {
  return html.replace(STYLESHEET_LINK, (tag) => {
    const css = styles.get(hrefOf(tag) ?? '');
    if (css === undefined || /<\/style/i.test(css)) return tag;
    // The disabled link is never fetched; it tells Vite's loader the sheet is in the page.
    return `<style>${css}</style>${tag.replace(/>$/, ' disabled>')}`;
  });
}

/** `href`s of the shell's stylesheets. */
export function stylesheetsOf(shell: string): string[] {
  return [...shell.matchAll(STYLESHEET_LINK)].flatMap(([tag]) => hrefOf(tag) ?? []);
}

/**
 * The app shell's HTML (`index.html` as built) with Home as it was painted: the markup inside
 * `#app`, the root's language, direction and preferences, the stylesheets inline. Null when
 * the shell has no empty `#app` to fill: a build this code does not know, served as it is.
 */
export function composeFirstScreen(shell: string, home: PaintedHome): string | null {
  const at = shell.indexOf(APP_ROOT);
  if (at === -1 || !/<html[^>]*>/i.test(shell)) return null;
  const filled = `<div id="app"><div ${FIRST_SCREEN_ATTRIBUTE}>${home.markup}</div></div>`;
  const body = shell.slice(0, at) + filled + shell.slice(at + APP_ROOT.length);
  const data = Object.entries(home.rootData)
    .filter(([name]) => /^data-[a-z][a-z0-9-]*$/.test(name))
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const root = `<html lang="${escapeAttribute(home.lang)}" dir="${home.dir}"${data}>`;
  const withoutScript = body.replace(
    new RegExp(`<script ${ROOT_PREFERENCES_ATTRIBUTE}>[\\s\\S]*?</script>`, 'i'),
    '',
  );
  return inlineStyles(withoutScript.replace(/<html[^>]*>/i, root), home.styles);
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
