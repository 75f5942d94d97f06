// Home's first screen rendered by the service worker with Svelte's server renderer: the same
// App and components as the page, fed what IndexedDB holds now. The page hydrates it (main.ts).
import { render } from 'svelte/server';
import App from '../../App.svelte';
import { bookmarks } from '../state/bookmarks.svelte';
import { library } from '../state/library.svelte';
import { locale } from '../state/locale.svelte';
import { syncStatus } from '../state/sync-status.svelte';
import type { FirstScreenData } from './first-screen-data';

export const FIRST_SCREEN_DATA_ID = 'folio-first-screen';

/** The language the first screen is written in, for the page to check it agrees. */
export interface RenderedHome {
  markup: string;
  lang: string;
}

export function renderHome(data: FirstScreenData): RenderedHome {
  library.adopt(data);
  bookmarks.adopt(data.bookmarks);
  syncStatus.adopt(data.sync);
  const { body } = render(App, { props: { url: '/' } });
  return { markup: body, lang: locale.uiLang };
}

/** The data as a script element's text: `<` escaped, so that no `</script>` ends it early. */
export function dataScript(data: FirstScreenData, lang: string): string {
  const json = JSON.stringify({ ...data, lang }).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">${json}</script>`;
}
