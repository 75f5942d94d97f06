// Highlights and notes (issue 19), offline: made with the mouse and with the keyboard, a note
// added, and both kept over a reload.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { highlightPhrase, selectPhrase } from './highlighting';
import {
  collapse,
  expectArticleShown,
  openSynced,
  sampleArticle,
  useSession,
  waitForSettled,
  waitForStatus,
} from './harness';

const session = useSession();
const ARTICLE = sampleArticle('truth-about-us-troop-pullout-from-iraq');

/** The text of each highlight drawn in the body, its marks joined. */
async function drawn(page: Page): Promise<string[]> {
  return page.locator('div.body').evaluate((body) => {
    const byId = new Map<string, string>();
    for (const mark of body.querySelectorAll<HTMLElement>('mark[data-highlight]')) {
      const id = mark.dataset.highlight ?? '';
      byId.set(id, (byId.get(id) ?? '') + (mark.textContent ?? ''));
    }
    return [...byId.values()];
  });
}

async function openOffline(current: ReturnType<typeof session>): Promise<void> {
  await openSynced(current);
  await current.context.setOffline(true);
  await current.page.goto(`${current.server.base}/article/${ARTICLE.id}`);
  await waitForStatus(current.page, 'offline');
  await expectArticleShown(current.page, ARTICLE.id);
}

describe('highlights and notes', () => {
  it('highlights a passage selected with the mouse, keeps its note, lists it on its page', async () => {
    const current = session();
    const { page } = current;
    await openOffline(current);
    const paragraph = page.locator('div.body p').first();
    await paragraph.scrollIntoViewIfNeeded();
    const box = (await paragraph.boundingBox())!;
    await page.mouse.move(box.x + 1, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + 8, { steps: 8 });
    await page.mouse.up();
    const selected = collapse(await page.evaluate(() => getSelection()?.toString() ?? ''));
    expect(selected.length).toBeGreaterThan(10);

    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Highlight' });
    await dialog.waitFor();
    const note = dialog.getByRole('textbox', { name: 'Note' });
    expect(await note.evaluate((field) => field === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);
    await note.fill('The withdrawal was a relabelling.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await drawn(page)).map(collapse)).toEqual([selected]);

    await page.reload();
    await expectArticleShown(page, ARTICLE.id);
    await expect.poll(async () => (await drawn(page)).map(collapse)).toEqual([selected]);
    const list = page.getByRole('region', { name: 'Your highlight' });
    await list.getByText('The withdrawal was a relabelling.').waitFor();
    await expectNoAxeViolations(page);

    // The Highlights page, from Bookmarks: by article, searchable, and back at the passage.
    await page.getByRole('navigation').getByRole('link', { name: 'Bookmarks' }).click();
    await page
      .getByRole('navigation', { name: 'Your collections' })
      .getByRole('link', {
        name: 'Highlights',
      })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Highlights' }).waitFor();
    const group = page.getByRole('region', { name: ARTICLE.title });
    await group.getByText('The withdrawal was a relabelling.').waitFor();
    expect(collapse((await group.locator('blockquote').textContent()) ?? '')).toBe(selected);
    await expectNoAxeViolations(page);
    const filter = page.getByRole('searchbox', { name: 'Search your highlights and notes' });
    await filter.fill('RELABELLING');
    await page.getByRole('status').filter({ hasText: '1 highlight' }).waitFor();
    await filter.fill('nowhere to be found');
    await page.getByRole('status').filter({ hasText: 'No highlight matches.' }).waitFor();
    expect(await group.count()).toBe(0);
    await filter.fill('');
    await group.getByRole('link', { name: 'Open at the passage' }).click();
    await expectArticleShown(page, ARTICLE.id);
    await expect
      .poll(async () => collapse(await page.evaluate(() => getSelection()?.toString() ?? '')))
      .toBe(selected);
    expect(current.errors.filter((line) => !/ERR_INTERNET_DISCONNECTED|Failed/.test(line))).toEqual(
      [],
    );
  });

  it('highlights with the keyboard: "h" takes the first paragraph on screen', async () => {
    const current = session();
    const { page } = current;
    await openOffline(current);
    const paragraph = page.locator('div.body p').nth(1);
    await paragraph.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const expected = collapse((await paragraph.textContent()) ?? '');

    await page.keyboard.press('h');
    const dialog = page.getByRole('dialog', { name: 'Highlight' });
    await dialog.waitFor();
    await page.keyboard.type('Key point.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    // The note field is a textarea: Enter is a new line; the Save button sends it.
    await dialog.getByRole('button', { name: 'Save' }).press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect((await drawn(page)).map(collapse)).toEqual([expected]);

    // The list after the text reaches it from the keyboard: its note, then its passage.
    const list = page.getByRole('region', { name: 'Your highlight' });
    await list.getByText('Key point.').waitFor();
    await list.getByRole('button', { name: 'Show in the text' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => collapse(await page.evaluate(() => getSelection()?.toString() ?? '')))
      .toBe(expected);
  });

  it('exports to Markdown, and to a file that a fresh profile imports', async () => {
    const current = session();
    const { page, server, context } = current;
    await openOffline(current);
    const paragraph = page.locator('div.body p').first();
    await paragraph.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const quote = collapse((await paragraph.textContent()) ?? '');
    await page.keyboard.press('h');
    const dialog = page.getByRole('dialog', { name: 'Highlight' });
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Worth quoting.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('main').getByRole('button', { name: 'Mark as read' }).click();
    await page.getByRole('main').getByRole('button', { name: 'Mark as unread' }).waitFor();

    // Markdown, for a notes app: the title linked, the quote, the note.
    await page.goto(`${server.base}/highlights`);
    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as Markdown' }).click(),
    ]);
    expect(markdown.suggestedFilename()).toBe('folio-highlights.md');
    const text = await readFile(await markdown.path(), 'utf8');
    expect(text).toMatch(new RegExp(`^# Highlights\n\n## \\[${ARTICLE.title}\\]\\(<https?://`));
    expect(text).toContain(`> ${quote.slice(0, 40)}`);
    expect(text).toContain('\n\nWorth quoting.\n');

    // JSON, as W3C Web Annotations: the article's page, the quote and its note.
    const [annotations] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as JSON' }).click(),
    ]);
    expect(annotations.suggestedFilename()).toBe('folio-highlights.jsonld');
    const collection = JSON.parse(await readFile(await annotations.path(), 'utf8')) as {
      '@context': string;
      first: {
        items: {
          body: { value: string };
          target: { source: { id: string }; selector: { type: string; exact?: string }[] };
        }[];
      };
    };
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    const [annotation] = collection.first.items;
    expect(annotation?.body.value).toBe('Worth quoting.');
    expect(annotation?.target.source.id).toMatch(/^https?:\/\//);
    expect(collapse(annotation?.target.selector[0]?.exact ?? '')).toBe(quote);

    // The export file carries them to another device: a fresh profile imports it.
    await page.goto(`${server.base}/bookmarks`);
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export bookmarks' }).click(),
    ]);
    const file = await json.path();
    const browser = context.browser();
    if (!browser) throw new Error('no browser');
    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      await other.goto(`${server.base}/`);
      await waitForSettled(other);
      await other.goto(`${server.base}/bookmarks`);
      const dismiss = other.getByRole('button', { name: 'Dismiss', exact: true });
      if (await dismiss.isVisible()) await dismiss.click();
      const [chooser] = await Promise.all([
        other.waitForEvent('filechooser'),
        other.getByRole('button', { name: 'Import bookmarks from a file', exact: true }).click(),
      ]);
      await chooser.setFiles(file);
      await other
        .getByRole('status')
        .filter({ hasText: '1 highlight and 1 read mark brought up to date.' })
        .waitFor();
      await other
        .getByRole('navigation', { name: 'Your collections' })
        .getByRole('link', {
          name: 'Highlights',
        })
        .click();
      await other.getByText('Worth quoting.').waitFor();
      await other.goto(`${server.base}/article/${ARTICLE.id}`);
      await expect.poll(async () => (await drawn(other)).map(collapse)).toEqual([quote]);
      await other.getByRole('main').getByRole('button', { name: 'Mark as unread' }).waitFor();
    } finally {
      await fresh.close();
    }
  });

  it('keeps a withdrawn article highlightable from its saved copy', async () => {
    const current = session();
    const { page, server } = current;
    await openSynced(current);
    await page.goto(`${server.base}/article/${ARTICLE.id}`);
    await expectArticleShown(page, ARTICLE.id);
    const first = page.locator('div.body p').first();
    await first.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const firstQuote = collapse((await first.textContent()) ?? '');
    await page.keyboard.press('h');
    const dialog = page.getByRole('dialog', { name: 'Highlight' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The publisher withdraws it (it was never bookmarked); the next sync takes it off the list.
    await server.withdraw(ARTICLE.id);
    await page.goto(`${server.base}/`);
    await waitForSettled(page);
    await expect
      .poll(() => page.getByRole('main').getByRole('article', { name: ARTICLE.title }).count())
      .toBe(0);

    // Its text is kept for the highlight, offline too, and takes another one.
    await current.context.setOffline(true);
    await page.goto(`${server.base}/article/${ARTICLE.id}`);
    await expectArticleShown(page, ARTICLE.id);
    await expect.poll(async () => (await drawn(page)).map(collapse)).toEqual([firstQuote]);
    const second = page.locator('div.body p').nth(2);
    await second.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const secondQuote = collapse((await second.textContent()) ?? '');
    await page.keyboard.press('h');
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Kept after the withdrawal.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await drawn(page)).map(collapse)).toEqual([firstQuote, secondQuote]);

    // Listed under the title its saved copy still has.
    await page.goto(`${server.base}/highlights`);
    const group = page.getByRole('region', { name: ARTICLE.title });
    await group.getByText('Kept after the withdrawal.').waitFor();
    expect(await group.locator('blockquote').count()).toBe(2);
  });

  it('follows an update of the article: a moved passage found again, a removed one orphaned', async () => {
    const current = session();
    const { page, server } = current;
    await openSynced(current);
    await page.goto(`${server.base}/article/${ARTICLE.id}`);
    await expectArticleShown(page, ARTICLE.id);
    await highlightPhrase(page, 'members of the Iraqi parliament', 'Who voted.');
    await highlightPhrase(page, 'withdrawn its combat forces', 'Relabelled, not withdrawn.');

    // The publisher adds a paragraph before both passages and removes the second one's.
    const updated = new Date().toISOString();
    const file = path.join(server.contentDir, 'articles', `${ARTICLE.id}.json`);
    const article = JSON.parse(await readFile(file, 'utf8')) as {
      updated: string;
      translations: { en: { body: string } };
    };
    const paragraphs = article.translations.en.body.split('</p>');
    const [removed] = paragraphs.splice(2, 1);
    expect(removed).toContain('withdrawn its combat forces');
    article.translations.en.body = `<p>Editor’s note: updated since.</p>\n${paragraphs.join('</p>')}`;
    article.updated = updated;
    await server.writeContent(`articles/${ARTICLE.id}.json`, JSON.stringify(article));
    const index = JSON.parse(
      await readFile(path.join(server.contentDir, 'index.json'), 'utf8'),
    ) as {
      updated: string;
      articles: { id: string; updated: string }[];
    };
    index.updated = updated;
    for (const entry of index.articles) if (entry.id === ARTICLE.id) entry.updated = updated;
    await server.writeContent('index.json', JSON.stringify(index));

    await page.reload();
    await waitForSettled(page);
    await page.getByText('Editor’s note: updated since.').waitFor();
    await expect
      .poll(async () => (await drawn(page)).map(collapse))
      .toEqual(['members of the Iraqi parliament']);
    const list = page.getByRole('region', { name: 'Your highlights' });
    await list.getByText('Relabelled, not withdrawn.').waitFor();
    await list.getByText('This passage is no longer in the article. Your note is kept.').waitFor();
    expect(await list.getByRole('button', { name: 'Show in the text' }).count()).toBe(1);
    await expectNoAxeViolations(page);
  });

  it('highlights on a touch screen: a tap on the button keeps the selection it acts on', async () => {
    const { server, context } = session();
    const browser = context.browser();
    if (!browser) throw new Error('no browser');
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    try {
      const page = await phone.newPage();
      await page.goto(`${server.base}/`);
      await waitForSettled(page);
      await phone.setOffline(true);
      await page.goto(`${server.base}/article/${ARTICLE.id}`);
      await expectArticleShown(page, ARTICLE.id);
      // The selection a long press makes (Playwright cannot long-press to select).
      await selectPhrase(page, 'members of the Iraqi parliament');
      const button = page.getByRole('button', { name: 'Highlight', exact: true });
      const box = await button.boundingBox();
      // Within the screen, at its foot, above where a phone puts its own selection menu.
      expect(box && box.y + box.height).toBeLessThanOrEqual(844);
      expect(box && box.y).toBeGreaterThan(844 / 2);
      expect(box?.height).toBeGreaterThanOrEqual(44);
      await button.tap();
      const dialog = page.getByRole('dialog', { name: 'Highlight' });
      await dialog.getByRole('button', { name: 'Save' }).tap();
      await dialog.waitFor({ state: 'hidden' });
      expect((await drawn(page)).map(collapse)).toEqual(['members of the Iraqi parliament']);
    } finally {
      await phone.close();
    }
  });
});
