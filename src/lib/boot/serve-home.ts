// The service worker's answer to a navigation to Home: Home's first screen rendered from what
// IndexedDB holds at this moment, in the precached shell.
import { matchPrecache } from 'workbox-precaching';
import { getDb } from '../db';
import { readFirstScreen } from './first-screen-data';
import { renderHome } from './render-home';
import { composeHome, stylesheetsOf } from './shell-html';

async function precachedText(url: string): Promise<string | undefined> {
  return (await matchPrecache(url))?.text();
}

/** Undefined when there is nothing saved yet (the bare shell shows the first sync). */
export async function renderedHome(): Promise<Response | undefined> {
  const [shellResponse, data] = await Promise.all([
    matchPrecache('index.html'),
    getDb().then(readFirstScreen),
  ]);
  const shell = await shellResponse?.text();
  if (!shellResponse || !shell || data.latest.length === 0) return undefined;
  const [home, styles] = await Promise.all([renderHome(data), stylesOf(shell)]);
  const html = composeHome(shell, home, data, styles);
  if (html === null) return undefined;
  // The shell's own headers (its Content-Security-Policy above all), but not its length.
  const headers = new Headers(shellResponse.headers);
  headers.delete('Content-Length');
  headers.set('Content-Type', 'text/html; charset=utf-8');
  return new Response(html, { headers });
}

/** The shell's stylesheets as text, by `href`: in the HTML, the first paint waits for none. */
async function stylesOf(shell: string): Promise<Map<string, string>> {
  const entries = await Promise.all(
    stylesheetsOf(shell).map(async (href) => [href, await precachedText(href)] as const),
  );
  return new Map(entries.filter((entry): entry is [string, string] => entry[1] !== undefined));
}
