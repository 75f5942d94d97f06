// Read and unread (issue 19), offline: marks by hand from a card, the article and "m", by the
// reading rule (the end of the text reached), counts on the list and its chips, "Mark all as
// read" with its Undo, and a reload that keeps it all.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import {
  articleLink,
  collapse,
  expectArticleShown,
  openSynced,
  sampleArticle,
  sampleArticles,
  useSession,
  waitForStatus,
} from './harness';

const session = useSession();

/** In Security: the newest and an older one; INTERVIEW is in Political, not in Security. */
const GERMANY = sampleArticle('germanys-new-defense-policy-guidelines');
const NATO = sampleArticle('natos-ambiguous-mission-in-iraq');
const INTERVIEW = sampleArticle('organizing-immigration-issue-cause-of-divergence-in-eu');
const ALL = sampleArticles().length;

function card(page: Page, title: string): Locator {
  return page.getByRole('main').getByRole('article', { name: title, exact: true });
}

function readButton(scope: Locator | Page, read: boolean): Locator {
  return scope.getByRole('button', { name: read ? 'Mark as unread' : 'Mark as read', exact: true });
}

/** The list's own count, above the cards. */
function unreadLine(page: Page): Locator {
  return page.getByRole('main').locator('.unread-count');
}

/** A category chip's checkbox, named with its unread and total counts. */
function chip(page: Page, name: string): Locator {
  return page.getByRole('group').getByRole('checkbox', { name: new RegExp(`^${name}\\b`) });
}

/** What a chip shows and says: its name, "unread/total", and the same in words. */
async function chipText(page: Page, name: string): Promise<string> {
  return collapse((await page.locator('label.chip', { hasText: name }).textContent()) ?? '');
}

async function goOffline(current: ReturnType<typeof session>): Promise<void> {
  await current.context.setOffline(true);
  await current.page.reload();
  await waitForStatus(current.page, 'offline');
}

describe('read and unread', () => {
  it('marks from a card, counts in the list and its chips, and undoes "Mark all as read"', async () => {
    const current = session();
    const { page } = current;
    await openSynced(current);
    await goOffline(current);
    await expect.poll(() => unreadLine(page).textContent()).toBe(`${ALL} unread`);
    // Every card unread: each says so to a screen reader, and shows its dot.
    expect(await card(page, GERMANY.title).getByText('Unread', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('main').locator('article.card.unread').count()).toBe(ALL);
    await expect
      .poll(() => chipText(page, 'Security'))
      .toBe('Security and defense 4/4 4 unread of 4');

    await readButton(card(page, GERMANY.title), false).click();
    await readButton(card(page, GERMANY.title), true).waitFor();
    await expect.poll(() => unreadLine(page).textContent()).toBe(`${ALL - 1} unread`);
    await expect
      .poll(() => chipText(page, 'Security'))
      .toBe('Security and defense 3/4 3 unread of 4');
    expect(await card(page, GERMANY.title).getByText('Unread', { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // Everything in view (one category) read, then back as it was.
    await chip(page, 'Security').check();
    await page.getByRole('heading', { level: 1, name: /Security/ }).waitFor();
    await expect.poll(() => unreadLine(page).textContent()).toBe('3 unread');
    await page.getByRole('button', { name: 'Mark all as read', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Marked 3 articles as read.' }).waitFor();
    await expect.poll(() => unreadLine(page).textContent()).toBe('All read');
    await readButton(card(page, NATO.title), true).waitFor();
    expect(await page.getByRole('button', { name: 'Mark all as read' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => unreadLine(page).textContent()).toBe('3 unread');
    await readButton(card(page, NATO.title), false).waitFor();
    // The mark made before "Mark all" stays.
    await readButton(card(page, GERMANY.title), true).waitFor();

    // Kept over a reload, offline.
    await page.reload();
    await expect.poll(() => unreadLine(page).textContent()).toBe('3 unread');
    await readButton(card(page, GERMANY.title), true).waitFor();
    expect(current.errors.filter((line) => !/ERR_INTERNET_DISCONNECTED|Failed/.test(line))).toEqual(
      [],
    );
  });

  it('marks an article read at the end of its text, and "m" marks it unread again', async () => {
    const current = session();
    const { page } = current;
    await openSynced(current);
    await goOffline(current);
    await articleLink(page, INTERVIEW.title).click();
    await expectArticleShown(page, INTERVIEW.id);
    const tools = page.getByRole('main');
    await readButton(tools, false).waitFor();

    // The end of the text, reached by scrolling: read.
    await page.locator('.read-end').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 200);
    await readButton(tools, true).waitFor();

    // "m" with no field focused: unread again, and it stays so while the reader stays.
    await page.locator('body').press('m');
    await readButton(tools, false).waitFor();
    await page.mouse.wheel(0, -400);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
    expect(await readButton(tools, false).count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.goBack();
    await expect.poll(() => unreadLine(page).textContent()).toBe(`${ALL} unread`);
    await readButton(card(page, INTERVIEW.title), false).waitFor();
  });
});
