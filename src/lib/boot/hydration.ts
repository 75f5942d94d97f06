// Whether the app started from markup the service worker rendered: a component that would
// otherwise spread its first render over several frames (the list's mount batches) takes
// what is already in the document as rendered.

/** The script element holding the data the first screen was rendered from (shell-html.ts). */
export const FIRST_SCREEN_DATA_ID = 'folio-first-screen';

let fromMarkup = false;

export function startedFromMarkup(): boolean {
  return fromMarkup;
}

export function markStartedFromMarkup(): void {
  fromMarkup = true;
}
