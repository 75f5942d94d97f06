// Highlighting as a reader does it, for the tests that need highlights to exist.
import type { Page } from 'playwright-core';

/** Selects the first occurrence of `phrase` in the article body shown (inside one text node). */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.locator('div.body').evaluate((body, wanted) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the body`);
  }, phrase);
}

/** Selects `phrase`, presses the Highlight button that appears, and saves `note`. */
export async function highlightPhrase(page: Page, phrase: string, note = ''): Promise<void> {
  await selectPhrase(page, phrase);
  await page.getByRole('button', { name: 'Highlight', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Highlight' });
  await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
}
