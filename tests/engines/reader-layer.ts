// The reader's own layer (issue 19) in every engine: an article marked read from its card, the
// unread count following it over a reload, and a highlight made from a selection, with a note,
// drawn again after a reload offline.
import { describe, expect, it } from 'vitest';
import { waitFor, type EngineDriver } from './driver';
import { ARTICLES, expectArticle, expectListed, titlesIn } from './journey';
import type { EngineServer } from './server';

// Functions given to driver.run and waitFor are sent to the page as their source: each one
// holds all it uses.

/** The "Unread only" button's count, once the reader's layer is in; 0 before. */
function unreadCount(): number {
  const count = document.querySelector('main button.unread-only .count')?.textContent ?? '';
  return Number(count.replace(/\D/g, ''));
}

/** A selector for the read button of the card titled `title`. */
function readButtonOf(title: string): string {
  const card = [...document.querySelectorAll('main article.card')].find(
    (candidate) =>
      (candidate.querySelector('h2')?.textContent ?? '').replace(/\s+/g, ' ').trim() === title,
  );
  const label = card?.getAttribute('aria-labelledby') ?? '';
  return `main article.card[aria-labelledby="${CSS.escape(label)}"] button[data-action="read"]`;
}

/** The text of the highlights drawn in the body, marks joined. */
function drawnText(): string {
  return [...document.querySelectorAll('main div.body mark[data-highlight]')]
    .map((mark) => mark.textContent ?? '')
    .join('');
}

export function defineReaderLayerChecks(
  session: () => { driver: EngineDriver; server: EngineServer },
): void {
  describe("the reader's own layer", () => {
    it('marks an article read from its card; the unread count follows, over a reload', async () => {
      const { driver, server } = session();
      await driver.goto(`${server.base}/`);
      await expectListed(driver, titlesIn('en'));
      const before = await waitFor(driver, 'waiting for the unread count', unreadCount);
      const title = await driver.run(
        () =>
          document
            .querySelector('main article.card.unread h2')
            ?.textContent?.replace(/\s+/g, ' ')
            .trim() ?? '',
      );
      expect(title).not.toBe('');
      await driver.click(await driver.run(readButtonOf, title));
      const marked = (wanted: number, unread: boolean) =>
        waitFor(
          driver,
          `waiting for "${title}" ${unread ? 'unread' : 'read'}, ${wanted} unread in all`,
          // Sent to the page as source: everything it uses is inside it.
          (name: string, count: number, isUnread: boolean) => {
            const card = [...document.querySelectorAll('main article.card')].find(
              (candidate) =>
                (candidate.querySelector('h2')?.textContent ?? '').replace(/\s+/g, ' ').trim() ===
                name,
            );
            const shown = document.querySelector('main button.unread-only .count')?.textContent;
            return (
              card?.classList.contains('unread') === isUnread &&
              Number((shown ?? '').replace(/\D/g, '')) === count
            );
          },
          title,
          wanted,
          unread,
        );
      await marked(before - 1, false);
      await driver.reload();
      await expectListed(driver, titlesIn('en'));
      await marked(before - 1, false);
      // Unread again by hand, as the rest of the journey found it.
      await driver.click(await driver.run(readButtonOf, title));
      await marked(before, true);
    });

    it('highlights a selected passage with a note, drawn again after a reload offline', async () => {
      const { driver, server } = session();
      const article = ARTICLES[1];
      if (!article) throw new Error('the sample feed has fewer than 2 articles');
      await driver.goto(`${server.base}/article/${article.id}`);
      await expectArticle(driver, article.id);
      // The reader's selection: the start of the first long run of text in the body.
      const quote = await driver.run(() => {
        const body = document.querySelector('main div.body');
        if (!body) return '';
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node as Text;
          if (text.data.trim().length < 40) continue;
          const start = text.data.length - text.data.trimStart().length;
          const range = document.createRange();
          range.setStart(text, start);
          range.setEnd(text, start + 36);
          const selection = getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          return range.toString();
        }
        return '';
      });
      expect(quote.length).toBe(36);
      await waitFor(
        driver,
        'waiting for the Highlight button',
        () => document.querySelector('button[data-action="highlight"]') !== null,
      );
      await driver.click('button[data-action="highlight"]');
      await waitFor(
        driver,
        'waiting for the note dialog',
        () => document.querySelector('dialog[open] #highlight-note') !== null,
      );
      await driver.type('#highlight-note', 'Seen in every engine');
      await driver.click('dialog[open] button.primary');
      const drawn = (what: string) =>
        waitFor(
          driver,
          what,
          (wanted: string) =>
            document.querySelector('dialog[open]') === null &&
            [...document.querySelectorAll('main div.body mark[data-highlight]')]
              .map((mark) => mark.textContent ?? '')
              .join('') === wanted.trim() &&
            (document.querySelector('main section.highlights')?.textContent ?? '').includes(
              'Seen in every engine',
            ),
          quote,
        );
      await drawn('waiting for the highlight and its note');
      await server.goOffline();
      try {
        await driver.reload();
        await expectArticle(driver, article.id);
        await drawn('waiting for the highlight and its note after a reload, offline');
        expect((await driver.run(drawnText)).length).toBe(quote.trim().length);
      } finally {
        await server.goOnline();
      }
    });
  });
}
