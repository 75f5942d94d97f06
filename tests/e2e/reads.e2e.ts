// Read and unread (issue 19), offline: marks by hand from a card, the article and "m", by the
// reading rule (the end of the text reached), counts on the list and its chips, "Mark all as
// read" with its Undo, and a reload that keeps it all.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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
  waitForSettled,
  waitForStatus,
  type FeedServer,
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

/** "Unread only", above the list, with the list's unread count. */
function unreadOnly(page: Page): Locator {
  return page.getByRole('main').getByRole('button', { name: /^Unread only/ });
}

/** How many of the list's articles are unread, as its "Unread only" button shows. */
async function unreadShown(page: Page): Promise<string> {
  return collapse((await unreadOnly(page).textContent()) ?? '').replace(/^Unread only ?/, '');
}

/** A category chip's checkbox, named with its unread and total counts. */
function chip(page: Page, name: string): Locator {
  return page.getByRole('group').getByRole('checkbox', { name: new RegExp(`^${name}\\b`) });
}

/** What a chip shows and says: its name, "unread/total", and the same in words. */
async function chipText(page: Page, name: string): Promise<string> {
  return collapse((await page.locator('label.chip', { hasText: name }).textContent()) ?? '');
}

interface Entry {
  id: string;
  href: string;
  published: string;
  updated: string;
  translations: Record<string, { title: string }>;
}

/** Publishes a new article, a copy of the newest one under another id and title, dated now. */
async function publish(server: FeedServer, id: string, title: string): Promise<void> {
  const indexFile = path.join(server.contentDir, 'index.json');
  const index = JSON.parse(await readFile(indexFile, 'utf8')) as { articles: Entry[] };
  const newest = index.articles[0] as Entry;
  const now = new Date().toISOString();
  const file = JSON.parse(
    await readFile(path.join(server.contentDir, newest.href), 'utf8'),
  ) as Entry & { version: number };
  const titled = (entry: Entry) => ({
    ...entry,
    id,
    published: now,
    updated: now,
    translations: {
      ...entry.translations,
      en: { ...entry.translations.en, title },
    },
  });
  await server.writeContent(`articles/${id}.json`, JSON.stringify(titled(file)));
  await server.writeContent(
    'index.json',
    JSON.stringify({
      ...index,
      updated: now,
      articles: [{ ...titled(newest), href: `articles/${id}.json` }, ...index.articles],
    }),
  );
}

async function goOffline(current: ReturnType<typeof session>): Promise<void> {
  await current.context.setOffline(true);
  await current.page.reload();
  await waitForStatus(current.page, 'offline');
}

describe('read and unread', () => {
  it('marks from a card, counts in the list and chips, undoes "Mark all as read", filters to unread', async () => {
    const current = session();
    const { page } = current;
    await openSynced(current);
    await goOffline(current);
    await expect.poll(() => unreadShown(page)).toBe(`${ALL}`);
    // Every card unread: each says so to a screen reader, and shows its dot.
    expect(await card(page, GERMANY.title).getByText('Unread', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('main').locator('article.card.unread').count()).toBe(ALL);
    await expect
      .poll(() => chipText(page, 'Security'))
      .toBe('Security and defense 4/4 4 unread of 4');

    await readButton(card(page, GERMANY.title), false).click();
    await readButton(card(page, GERMANY.title), true).waitFor();
    await expect.poll(() => unreadShown(page)).toBe(`${ALL - 1}`);
    await expect
      .poll(() => chipText(page, 'Security'))
      .toBe('Security and defense 3/4 3 unread of 4');
    expect(await card(page, GERMANY.title).getByText('Unread', { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // Everything in view (one category) read, then back as it was.
    await chip(page, 'Security').check();
    await page.getByRole('heading', { level: 1, name: /Security/ }).waitFor();
    await expect.poll(() => unreadShown(page)).toBe('3');
    await page.getByRole('button', { name: 'Mark all as read', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Marked 3 articles as read.' }).waitFor();
    await expect.poll(() => unreadShown(page)).toBe('0');
    await readButton(card(page, NATO.title), true).waitFor();
    expect(await page.getByRole('button', { name: 'Mark all as read' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => unreadShown(page)).toBe('3');
    await readButton(card(page, NATO.title), false).waitFor();
    // The mark made before "Mark all" stays.
    await readButton(card(page, GERMANY.title), true).waitFor();

    // Unread only: the read one leaves the list; the filter is in the address, with the category.
    await unreadOnly(page).click();
    await page.waitForURL(/\?c=security&unread=1$/);
    expect(await unreadOnly(page).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByRole('main').getByRole('article').count()).toBe(3);
    expect(await card(page, GERMANY.title).count()).toBe(0);
    // Marked read there, an article stays in view until the list is read again.
    await readButton(card(page, NATO.title), false).click();
    await expect.poll(() => unreadShown(page)).toBe('2');
    expect(await card(page, NATO.title).count()).toBe(1);

    // Kept over a reload, offline.
    await page.reload();
    await expect.poll(() => unreadShown(page)).toBe('2');
    await expect.poll(() => page.getByRole('main').getByRole('article').count()).toBe(2);
    // Off again: every article of the category, the read ones too.
    await unreadOnly(page).click();
    await page.waitForURL(/\?c=security$/);
    await expect.poll(() => page.getByRole('main').getByRole('article').count()).toBe(4);
    await readButton(card(page, GERMANY.title), true).waitFor();
    await expectNoAxeViolations(page);
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
    await expect.poll(() => unreadShown(page)).toBe(`${ALL}`);
    await readButton(card(page, INTERVIEW.title), false).waitFor();
  });

  it('shows what is new since the last visit: a divider, and a count in the title', async () => {
    const current = session();
    const { page, context, server } = current;
    await openSynced(current);
    expect(await page.title()).not.toMatch(/^\(/);
    expect(await page.getByText('New since your last visit').count()).toBe(0);

    // The next visit, in a new tab, after the publisher added an article.
    await publish(server, 'fresh-analysis', 'A fresh analysis');
    const next = await context.newPage();
    await next.goto(`${server.base}/`);
    await waitForSettled(next);
    const divider = next.getByRole('main').locator('p.list-since');
    await divider.waitFor();
    expect(collapse((await divider.textContent()) ?? '')).toBe('↑ New since your last visit');
    // Between the new article and the first of the last visit.
    const cards = next.getByRole('main').getByRole('article');
    expect(await cards.nth(0).getAttribute('aria-labelledby')).toBe('card-fresh-analysis');
    const between = await divider.evaluate((element) => {
      const [fresh, older] = [...document.querySelectorAll('main article')];
      const follows = (a: Node, b: Node) =>
        (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      return !!fresh && !!older && follows(fresh, element) && follows(element, older);
    });
    expect(between).toBe(true);
    expect(await next.title()).toMatch(/^\(1\) /);
    await expectNoAxeViolations(next);

    // Read, it is no longer counted; the divider stays where the last visit starts.
    await readButton(card(next, 'A fresh analysis'), false).click();
    await expect.poll(() => next.title()).not.toMatch(/^\(/);
    expect(await divider.count()).toBe(1);
    await next.close();
  });
});
