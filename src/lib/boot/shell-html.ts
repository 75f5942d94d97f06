// The app shell's HTML (index.html as built) with Home's first screen written into it: the
// rendered markup in #app, the data it was rendered from beside it, the reader's language,
// direction, theme and text size on the root element, and the stylesheets inline.
import type { FirstScreenData } from './first-screen-data';

import { FIRST_SCREEN_DATA_ID } from './hydration';

/** What the service worker rendered, and with which of the reader's choices. */
export interface RenderedHome {
  markup: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  theme: 'light' | 'dark' | 'system';
  textSize: 'small' | 'medium' | 'large' | 'larger';
}

const APP_ROOT = '<div id="app"></div>';

/**
 * index.html's start-up script, which sets the theme and text size from localStorage: the
 * rendered page carries them as attributes instead (its first read of localStorage in a new
 * page took 10-30 ms before anything could paint).
 */
const PREFERENCES_SCRIPT = /<script data-root-preferences>[\s\S]*?<\/script>/i;

const STYLESHEET_LINK = /<link\b[^>]*\brel="stylesheet"[^>]*>/gi;
const hrefOf = (tag: string) => /\bhref="([^"]*)"/i.exec(tag)?.[1];

const escapeAttribute = (value: string) =>
  value.replace(
    /[&"<>]/g,
    (char) => `&${{ '&': 'amp', '"': 'quot', '<': 'lt', '>': 'gt' }[char]};`,
  );

/** Whether `url` is Home with nothing chosen: the one page rendered by the worker. */
export function isHome(url: URL, scope: string): boolean {
  const home = new URL('./', scope);
  return (
    url.origin === home.origin &&
    (url.pathname === home.pathname || url.pathname === `${home.pathname}index.html`) &&
    url.search === ''
  );
}

/** `href`s of the shell's stylesheets. */
export function stylesheetsOf(shell: string): string[] {
  return [...shell.matchAll(STYLESHEET_LINK)].flatMap(([tag]) => hrefOf(tag) ?? []);
}

/** Each stylesheet link whose text is known: the text in a `<style>`, the link disabled. */
function inlineStyles(html: string, styles: ReadonlyMap<string, string>): string {
  return html.replace(STYLESHEET_LINK, (tag) => {
    const css = styles.get(hrefOf(tag) ?? '');
    if (css === undefined || /<\/style/i.test(css)) return tag;
    // The disabled link is never fetched; it tells Vite's loader the sheet is in the page.
    return `<style>${css}</style>${tag.replace(/>$/, ' disabled>')}`;
  });
}

/** The data as a script element's text: `<` escaped, so that no `</script>` ends it early. */
function dataScript(data: FirstScreenData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">${json}</script>`;
}

function rootElement(home: RenderedHome): string {
  const theme = home.theme === 'system' ? '' : ` data-theme="${home.theme}"`;
  const size = home.textSize === 'medium' ? '' : ` data-text-size="${home.textSize}"`;
  return `<html lang="${escapeAttribute(home.lang)}" dir="${home.dir}"${theme}${size}>`;
}

/** Null when the shell has no empty `#app` to fill: a build this code does not know. */
export function composeHome(
  shell: string,
  home: RenderedHome,
  data: FirstScreenData,
  styles: ReadonlyMap<string, string>,
): string | null {
  const at = shell.indexOf(APP_ROOT);
  if (at === -1 || !/<html[^>]*>/i.test(shell)) return null;
  const page =
    shell.slice(0, at) +
    `<div id="app">${home.markup}</div>${dataScript(data)}` +
    shell.slice(at + APP_ROOT.length);
  const root = rootElement(home);
  return inlineStyles(
    page.replace(PREFERENCES_SCRIPT, '').replace(/<html[^>]*>/i, () => root),
    styles,
  );
}
