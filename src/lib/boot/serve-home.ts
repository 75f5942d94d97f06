// The service worker's answer to a navigation to Home: the shell's head at once, then Home's
// first screen rendered from what IndexedDB holds at this moment.
import { matchPrecache } from 'workbox-precaching';
import { getDb } from '../db';
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
  const html =
    shell.slice(0, at) +
    `<div id="app">${markup}</div>${dataScript(data, lang)}` +
    shell.slice(at + APP_ROOT.length);
  return new Response(html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' },
  });
}
