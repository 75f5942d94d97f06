// Home's first screen rendered by the service worker with Svelte's server renderer: the same
// App and components as the page, given what IndexedDB holds now. The page hydrates it.
import { render } from 'svelte/server';
import App from '../../App.svelte';
import { bookmarks } from '../state/bookmarks.svelte';
import { library } from '../state/library.svelte';
import { locale } from '../state/locale.svelte';
import { syncStatus } from '../state/sync-status.svelte';
import type { FirstScreenData } from './first-screen-data';
import type { RenderedHome } from './shell-html';

export async function renderHome(data: FirstScreenData): Promise<RenderedHome> {
  library.adopt(data);
  bookmarks.adopt(data.bookmarks);
  syncStatus.adopt(data.sync);
  await locale.adoptChoice(data.reader.uiLang);
  const { body } = render(App, { props: { url: '/' } });
  const lang = locale.uiLang;
  return {
    markup: body,
    lang,
    dir: locale.dirOf(lang),
    theme: data.reader.theme,
    textSize: data.reader.textSize,
  };
}
