// The service worker's answer to a navigation to Home: the shell's head at once, then Home's
// first screen rendered from what IndexedDB holds at this moment.
import { matchPrecache } from 'workbox-precaching';
import { getDb } from '../db';
import { inlineStyles, stylesheetsOf } from '../shell/first-screen';
import { readFirstScreen } from './first-screen-data';
import { dataScript, renderHome } from './render-home';

const APP_ROOT = '<div id="app"></div>';

export async function renderedHome(): Promise<Response | undefined> {
  const [shell, data] = await Promise.all([
    matchPrecache('index.html').then((response) => response?.text()),
    getDb().then(readFirstScreen),
  ]);
  if (!shell || data.latest.length === 0) return undefined;
  const at = shell.indexOf(APP_ROOT);
  if (at === -1) return undefined;
  const { markup, lang } = renderHome(data);
  const styles = new Map<string, string>();
  await Promise.all(
    stylesheetsOf(shell).map(async (href) => {
      const text = await (await matchPrecache(href))?.text();
      if (text !== undefined) styles.set(href, text);
    }),
  );
  const page =
    shell.slice(0, at) +
    `<div id="app">${markup}</div>${dataScript(data, lang)}` +
    shell.slice(at + APP_ROOT.length);
  // The theme and text size still come from index.html's script (localStorage) until they are
  // kept where this worker can read them.
  const html = inlineStyles(page, styles);
  return new Response(html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' },
  });
}
