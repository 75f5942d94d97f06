import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations } from './axe';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  articleLink,
  expectArticleShown,
  openSynced,
  sampleArticle,
  sampleArticles,
  useSession,
  waitForSettled,
  waitForStatus,
} from './harness';

const session = useSession();

const FIRST = sampleArticle('germanys-new-defense-policy-guidelines');
const SECOND = sampleArticle('truth-about-us-troop-pullout-from-iraq');
const THIRD = sampleArticle('natos-ambiguous-mission-in-iraq');

/** Messages Chromium logs for the requests that fail because the test cut the network. */
const NETWORK_CUT =
  /Failed to load resource|net::ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|Failed to fetch/;

const ELSEWHERE_TITLE = 'Read on another device';
const importedElsewhere = {
  app: 'folio',
  kind: 'bookmarks',
  version: 1,
  bookmarks: [
    { id: 'read-elsewhere', bookmarkedAt: '2026-01-15T10:00:00Z', title: ELSEWHERE_TITLE },
  ],
};

function card(page: Page, title: string): Locator {
  return page.getByRole('main').getByRole('article', { name: title, exact: true });
}

function toggle(scope: Locator | Page, pressed: boolean): Locator {
  return scope.getByRole('button', { name: pressed ? 'Remove bookmark' : 'Bookmark', exact: true });
}

async function bookmarkFromHome(page: Page, title: string): Promise<void> {
  await toggle(card(page, title), false).click();
  await expect
    .poll(() => toggle(card(page, title), true).getAttribute('aria-pressed'))
    .toBe('true');
}

/** Goes to the Bookmarks page through the header link, as a reader would. */
async function openBookmarks(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Bookmarks' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bookmarks' }).waitFor();
}

function entries(page: Page): Locator {
  return page.getByRole('main').getByRole('list').getByRole('listitem');
}

/** An entry's remove button, named with the entry's title. */
function removeButton(page: Page, title: string): Locator {
  return entries(page).getByRole('button', { name: `Remove bookmark ${title}`, exact: true });
}

/** Imports through the page's own button, as a reader would: it opens the file chooser. */
async function importThroughButton(
  page: Page,
  files: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  // The app's "Ready to read offline" toast, fixed at the bottom after the first install, may
  // cover the button at the end of the page: a reader would dismiss it first.
  const dismiss = page.getByRole('button', { name: 'Dismiss', exact: true });
  if (await dismiss.isVisible()) await dismiss.click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import bookmarks from a file', exact: true }).click(),
  ]);
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles(files);
}

async function listedTitles(page: Page): Promise<string[]> {
  return (await entries(page).getByRole('heading', { level: 2 }).allTextContents()).map((t) =>
    t.trim(),
  );
}

describe('bookmarks', () => {
  it('keeps a bookmark, with its full text, across an offline reload', async () => {
    const current = session();
    const { page, context, server } = current;
    await openSynced(current);
    await bookmarkFromHome(page, FIRST.title);

    await context.setOffline(true);
    await page.goto(`${server.base}/bookmarks`);
    await page.getByRole('heading', { level: 1, name: 'Bookmarks' }).waitFor();
    await waitForStatus(page, 'offline');
    await expect.poll(() => listedTitles(page)).toEqual([FIRST.title]);

    await articleLink(page, FIRST.title).click();
    await expectArticleShown(page, FIRST.id);
    expect(await toggle(page.getByRole('main'), true).getAttribute('aria-pressed')).toBe('true');
    const unexpected = current.errors.filter((line) => !NETWORK_CUT.test(line));
    expect(unexpected, current.errors.join('\n')).toEqual([]);
  });

  it('exports bookmarks to a file and imports them back', async () => {
    const current = session();
    const { page } = current;
    await openSynced(current);
    await bookmarkFromHome(page, FIRST.title);
    await bookmarkFromHome(page, SECOND.title);
    await openBookmarks(page);
    await expect.poll(() => listedTitles(page)).toEqual([SECOND.title, FIRST.title]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export bookmarks' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('folio-bookmarks.json');
    const file = await download.path();
    const exported: unknown = JSON.parse(await readFile(file, 'utf8'));
    expect(exported).toMatchObject({
      app: 'folio',
      kind: 'bookmarks',
      version: 2,
      bookmarks: [
        { id: SECOND.id, title: SECOND.title },
        { id: FIRST.id, title: FIRST.title },
      ],
    });

    // Lose one, then get it back from the file.
    await removeButton(page, FIRST.title).click();
    await expect.poll(() => listedTitles(page)).toEqual([SECOND.title]);
    await page.getByRole('status').filter({ hasText: 'Bookmark removed.' }).waitFor();
    await importThroughButton(page, file);

    await page
      .getByRole('status')
      .filter({ hasText: '1 bookmark added; 1 was already here.' })
      .waitFor();
    await expect.poll(() => listedTitles(page)).toEqual([SECOND.title, FIRST.title]);
    expect(await page.getByRole('alert').count()).toBe(0);
    // The removal's message and its Undo went when the import finished.
    expect(await page.getByText('Bookmark removed.').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    // The browser's own file control, in the browser's language, is nowhere to be seen.
    expect(await page.getByText('No file chosen').count()).toBe(0);

    // A file that is not a bookmarks file is refused, and nothing is lost.
    await importThroughButton(page, {
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await page.getByRole('alert').filter({ hasText: 'Your bookmarks are unchanged.' }).waitFor();
    expect(await listedTitles(page)).toEqual([SECOND.title, FIRST.title]);
    expect(current.errors).toEqual([]);
  });

  it('shows a bookmark change in another open tab at once', async () => {
    const current = session();
    const { page, context, server } = current;
    await openSynced(current);
    const other = await context.newPage();
    await other.goto(`${server.base}/`);
    await waitForSettled(other);
    await toggle(card(other, FIRST.title), false).waitFor();

    await bookmarkFromHome(page, FIRST.title);
    await toggle(card(other, FIRST.title), true).waitFor();

    // And the other way: the second tab's Bookmarks page follows removals made in the first.
    await openBookmarks(other);
    await expect.poll(() => listedTitles(other)).toEqual([FIRST.title]);
    await toggle(card(page, FIRST.title), true).click();
    await expect.poll(() => entries(other).count()).toBe(0);
    await other.getByText(/No bookmarks yet/).waitFor();
    expect(current.errors).toEqual([]);
  });

  it('the Bookmarks page with every kind of entry has no axe violations', async () => {
    const current = session();
    const { page, server } = current;
    await openSynced(current);
    await bookmarkFromHome(page, FIRST.title);
    await bookmarkFromHome(page, SECOND.title);
    await openBookmarks(page);
    // The list first: the button moves down once it is read.
    await expect.poll(() => listedTitles(page)).toEqual([SECOND.title, FIRST.title]);
    // One bookmark from another device, never saved here.
    await importThroughButton(page, {
      name: 'folio-bookmarks.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(importedElsewhere)),
    });
    await page.getByRole('status').filter({ hasText: '1 bookmark added.' }).waitFor();
    // The publisher withdraws FIRST; the next sync marks its bookmark withdrawn.
    await server.withdraw(FIRST.id);
    await page.reload();
    await waitForSettled(page);
    await page.getByText('Withdrawn by the publisher — your saved copy is still here').waitFor();
    await expect
      .poll(() => listedTitles(page))
      .toEqual([SECOND.title, FIRST.title, ELSEWHERE_TITLE]);

    await expectNoAxeViolations(page);

    // And with a removal's message and its Undo on screen.
    await removeButton(page, ELSEWHERE_TITLE).click();
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    // Once it has risen into place: mid-animation it is still partly transparent.
    await page.waitForFunction(() =>
      document.getAnimations().every((animation) => animation.playState === 'finished'),
    );
    await expectNoAxeViolations(page);
  });

  it('undoes a removal: the bookmark returns to its place, for good, focus on its link', async () => {
    const current = session();
    const { page } = current;
    await openSynced(current);
    await bookmarkFromHome(page, FIRST.title);
    await bookmarkFromHome(page, SECOND.title);
    await bookmarkFromHome(page, THIRD.title);
    await openBookmarks(page);
    const order = [THIRD.title, SECOND.title, FIRST.title];
    await expect.poll(() => listedTitles(page)).toEqual(order);

    // By keyboard: remove the middle one; focus lands on Undo, which Enter presses.
    await removeButton(page, SECOND.title).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => listedTitles(page)).toEqual([THIRD.title, FIRST.title]);
    await page.getByRole('status').filter({ hasText: 'Bookmark removed.' }).waitFor();
    const undo = page.getByRole('button', { name: 'Undo' });
    await expect
      .poll(() => undo.evaluate((button) => button === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Enter');

    await expect.poll(() => listedTitles(page)).toEqual(order);
    const link = articleLink(page, SECOND.title);
    await expect.poll(() => link.evaluate((a) => a === document.activeElement)).toBe(true);
    expect(await page.getByText('Bookmark removed.').count()).toBe(0);

    // Stored with its own date: the order holds after a reload, and Home shows it bookmarked.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Bookmarks' }).waitFor();
    await expect.poll(() => listedTitles(page)).toEqual(order);
    await page.goto(`${current.server.base}/`);
    await toggle(card(page, SECOND.title), true).waitFor();
    expect(current.errors).toEqual([]);
  });

  it('keeps the Undo bar and the end of the page clear of the "Ready to read offline" note', async () => {
    const current = session();
    const { page } = current;
    await page.setViewportSize({ width: 390, height: 844 });
    await openSynced(current);
    // Enough bookmarks for a page taller than the screen, so that the Undo bar sticks.
    const kept = sampleArticles().slice(0, 6);
    for (const { title } of kept) await bookmarkFromHome(page, title);
    await page.getByRole('button', { name: 'Menu' }).click();
    await openBookmarks(page);
    // The note a first install shows stays at the foot of the screen until dismissed.
    const note = page.locator('.toast').filter({ hasText: 'Ready to read offline' });
    await note.waitFor();
    const noteTop = async () => (await note.boundingBox())?.y ?? 0;

    await removeButton(page, kept[0]?.title ?? '').click();
    const undo = page.getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    const bar = await page.locator('.undo').boundingBox();
    expect(bar).not.toBeNull();
    expect((bar?.y ?? 0) + (bar?.height ?? 0)).toBeLessThanOrEqual(await noteTop());

    // Scrolled to its end, the page's last button is above the note, not under it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = page.getByRole('button', { name: 'Import bookmarks from a file', exact: true });
    const button = await last.boundingBox();
    expect((button?.y ?? 0) + (button?.height ?? 0)).toBeLessThanOrEqual(await noteTop());
    await undo.click();
    await expect.poll(() => listedTitles(page)).toHaveLength(kept.length);
  });
});
