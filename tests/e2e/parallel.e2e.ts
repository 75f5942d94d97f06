import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { REPO_ROOT, openSynced, useSession, waitForStatus } from './harness';

const FEED = path.join(REPO_ROOT, 'tests/fixtures/feeds/trilingual');
const session = useSession({ contentFrom: FEED });

const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 390, height: 844 };

interface FixtureArticle {
  translations: Record<string, { title: string; lead?: string; body: string }>;
}

function fixture(id: string): FixtureArticle {
  return JSON.parse(
    readFileSync(path.join(FEED, 'articles', `${id}.json`), 'utf8'),
  ) as FixtureArticle;
}

const title = (id: string, lang: string): string => fixture(id).translations[lang]?.title ?? '';

/** The fixture's paragraphs are plain text in `<p>`s, so their text is what the reader sees. */
function paragraphs(id: string, lang: string): string[] {
  const body = fixture(id).translations[lang]?.body ?? '';
  return [...body.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1] ?? '');
}

/** What a language's column shows: its lead first (the fixture's articles all have one). */
function columnText(id: string, lang: string): string[] {
  const lead = fixture(id).translations[lang]?.lead;
  if (lead === undefined) throw new Error(`${id} has no "${lang}" lead`);
  return [lead, ...paragraphs(id, lang)];
}

async function openParallel(page: Page, base: string, query: string, id: string, lang = 'en') {
  await page.goto(`${base}/article/${id}/parallel${query}`);
  await page.getByRole('heading', { level: 1, name: title(id, lang), exact: true }).waitFor();
  await waitForStatus(page, 'fresh');
}

async function box(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('the element has no box (is it hidden?)');
  return found;
}

describe('side by side (wide screen)', () => {
  it('opens from the article page and aligns English beside Persian paragraph by paragraph', async () => {
    const { page, server, errors } = session();
    await page.setViewportSize(WIDE);
    await openSynced(session());
    await page.goto(`${server.base}/article/parallel-all`);
    await page.getByRole('link', { name: 'Side by side', exact: true }).click();
    await page.waitForURL(`${server.base}/article/parallel-all/parallel`);
    await page.getByRole('heading', { level: 1, name: title('parallel-all', 'en') }).waitFor();

    await page.getByRole('combobox', { name: 'Second language' }).selectOption('fa');
    await page.waitForURL(`${server.base}/article/parallel-all/parallel?a=en&b=fa`);

    const english = page.getByRole('region', { name: 'English', exact: true });
    const persian = page.getByRole('region', { name: 'فارسی', exact: true });
    expect(await english.getAttribute('lang')).toBe('en');
    expect(await english.getAttribute('dir')).toBe('ltr');
    expect(await persian.getAttribute('lang')).toBe('fa');
    expect(await persian.getAttribute('dir')).toBe('rtl');
    expect(await persian.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');

    const en = english.getByRole('paragraph');
    const fa = persian.getByRole('paragraph');
    expect(await en.allTextContents()).toEqual(columnText('parallel-all', 'en'));
    expect(await fa.allTextContents()).toEqual(columnText('parallel-all', 'fa'));
    // In an English interface the first language reads on the left.
    expect((await box(persian)).x).toBeGreaterThan((await box(english)).x);

    // Across several wide widths the rows start level; at some width a pair of paragraphs wraps
    // to different heights, which proves the alignment is the layout's doing, not a coincidence.
    let heightsDiffer = false;
    for (const width of [800, 900, 1024, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (let row = 0; row < 4; row++) {
        const [left, right] = [await box(en.nth(row)), await box(fa.nth(row))];
        expect(Math.abs(left.y - right.y), `row ${row + 1} level at ${width}px`).toBeLessThan(1);
        if (Math.abs(left.height - right.height) > 1) heightsDiffer = true;
      }
    }
    expect(heightsDiffer).toBe(true);
    // The tap-to-reveal view is for narrow screens only.
    expect(await page.getByRole('button', { name: /^Paragraph \d in/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('stacks the texts in order, with a note, when their paragraph counts differ', async () => {
    const { page, server } = session();
    await page.setViewportSize(WIDE);
    await openSynced(session());
    await openParallel(page, server.base, '?a=en&b=fa', 'parallel-uneven');

    await page
      .getByText(
        'The paragraphs in \u2068English\u2069 (3) and \u2068فارسی\u2069 (2) do not match one to one',
        {
          exact: false,
        },
      )
      .waitFor();
    const english = page.getByRole('region', { name: 'English', exact: true });
    const persian = page.getByRole('region', { name: 'فارسی', exact: true });
    expect(await english.getByRole('paragraph').allTextContents()).toEqual(
      columnText('parallel-uneven', 'en'),
    );
    expect(await persian.getByRole('paragraph').allTextContents()).toEqual(
      columnText('parallel-uneven', 'fa'),
    );
    expect(await persian.getAttribute('dir')).toBe('rtl');
    // After the leads, each text flows on its own: the second Persian paragraph follows the
    // first directly, not the row of the second English one.
    const enSecond = await box(english.getByRole('paragraph').nth(2));
    const faSecond = await box(persian.getByRole('paragraph').nth(2));
    const faFirst = await box(persian.getByRole('paragraph').nth(1));
    expect(faSecond.y - (faFirst.y + faFirst.height)).toBeLessThan(40);
    expect(Math.abs(enSecond.y - faSecond.y)).toBeGreaterThan(1);

    await page.setViewportSize(NARROW);
    // On a narrow screen the whole Persian text comes after the whole English one.
    expect((await box(persian)).y).toBeGreaterThanOrEqual(
      (await box(english)).y + (await box(english)).height,
    );
    await expectNoAxeViolations(page);
  });

  it('has no axe violations, with English beside Persian', async () => {
    const { page, server } = session();
    await page.setViewportSize(WIDE);
    await openSynced(session());
    await openParallel(page, server.base, '?a=en&b=fa', 'parallel-all');
    await page.getByRole('region', { name: 'فارسی', exact: true }).waitFor();
    await expectNoAxeViolations(page);
  });
  it('in a Persian interface, puts Persian first on the right and English beside it', async () => {
    const { page, server } = session();
    await page.setViewportSize(WIDE);
    await openSynced(session());
    await openParallel(page, server.base, '?lang=fa&a=fa&b=en', 'parallel-all', 'fa');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const persian = page.getByRole('region', { name: 'فارسی', exact: true });
    const english = page.getByRole('region', { name: 'English', exact: true });
    expect(await english.getAttribute('dir')).toBe('ltr');
    // Right to left, the first column is the rightmost.
    expect((await box(persian)).x).toBeGreaterThan((await box(english)).x);
    const [fa, en] = [persian.getByRole('paragraph'), english.getByRole('paragraph')];
    for (let row = 0; row < 4; row++) {
      const [start, end] = [await box(fa.nth(row)), await box(en.nth(row))];
      expect(Math.abs(start.y - end.y), `row ${row + 1} starts at the same height`).toBeLessThan(1);
    }
    await expectNoAxeViolations(page);
  });
});

describe('side by side (narrow screen)', () => {
  it('reveals the Persian counterpart of a paragraph beneath it, by tap and by keyboard', async () => {
    const { page, server, errors } = session();
    await page.setViewportSize(NARROW);
    await openSynced(session());
    await openParallel(page, server.base, '?a=en&b=fa', 'parallel-all');
    const english = paragraphs('parallel-all', 'en');
    const persian = paragraphs('parallel-all', 'fa');

    // One column: the side-by-side columns are not shown.
    expect(await page.getByRole('region', { name: 'English', exact: true }).isVisible()).toBe(
      false,
    );
    const button = (n: number) => page.getByRole('button', { name: `Paragraph ${n} in فارسی` });
    // The counterpart is the element its disclosure button controls.
    const counterpart = async (n: number) =>
      page.locator(`[id="${await button(n).getAttribute('aria-controls')}"]`);
    const secondCounterpart = await counterpart(2);
    expect(await secondCounterpart.isVisible()).toBe(false);
    expect(await secondCounterpart.getAttribute('lang')).toBe('fa');
    expect(await secondCounterpart.getAttribute('dir')).toBe('rtl');

    // A tap (a primary click) on the paragraph itself.
    // The hidden wide view has the same paragraph; the reader can only tap the one shown.
    const second = page.getByText(english[1] ?? '', { exact: true }).filter({ visible: true });
    await second.click();
    await secondCounterpart.waitFor({ state: 'visible' });
    expect(await secondCounterpart.textContent()).toBe(persian[1]);
    const [tapped, revealed] = [await box(second), await box(secondCounterpart)];
    expect(revealed.y).toBeGreaterThanOrEqual(tapped.y + tapped.height);
    const secondButton = button(2);
    expect(await secondButton.getAttribute('aria-expanded')).toBe('true');
    expect((await box(secondButton)).height).toBeGreaterThanOrEqual(44);

    // The keyboard path: Tab to the next disclosure, Enter opens it, Space closes it.
    await secondButton.focus();
    await page.keyboard.press('Tab');
    const third = button(3);
    expect(await third.evaluate((element) => element === document.activeElement)).toBe(true);
    const thirdCounterpart = await counterpart(3);
    await page.keyboard.press('Enter');
    await thirdCounterpart.waitFor({ state: 'visible' });
    expect(await thirdCounterpart.textContent()).toBe(persian[2]);
    expect(await third.getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Space');
    await thirdCounterpart.waitFor({ state: 'hidden' });
    expect(await third.getAttribute('aria-expanded')).toBe('false');
    expect(errors).toEqual([]);
  });
});

describe('highlights side by side', () => {
  /** The text of each highlight drawn in `scope`, its marks joined. */
  const drawn = (scope: Locator): Promise<string[]> =>
    scope.evaluate((element) => {
      const byId = new Map<string, string>();
      for (const mark of element.querySelectorAll<HTMLElement>('mark[data-highlight]')) {
        const id = mark.dataset.highlight ?? '';
        byId.set(id, (byId.get(id) ?? '') + (mark.textContent ?? ''));
      }
      return [...byId.values()];
    });

  it('highlights right-to-left text in its column, offline, and finds it in each view', async () => {
    const current = session();
    const { page, server, context } = current;
    await page.setViewportSize(WIDE);
    await openSynced(current);
    await context.setOffline(true);
    await page.goto(`${server.base}/article/parallel-all/parallel?a=en&b=fa`);
    await waitForStatus(page, 'offline');
    const english = page.getByRole('region', { name: 'English', exact: true });
    const persian = page.getByRole('region', { name: 'فارسی', exact: true });
    await persian.waitFor();

    // Dragged from the right, where a Persian line starts, towards its middle.
    const paragraph = persian.getByRole('paragraph').nth(2);
    const { x, y, width } = await box(paragraph);
    await page.mouse.move(x + width - 2, y + 10);
    await page.mouse.down();
    await page.mouse.move(x + width * 0.45, y + 10, { steps: 8 });
    await page.mouse.up();
    const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
    expect(selected.trim().length).toBeGreaterThan(5);
    expect(paragraphs('parallel-all', 'fa')[1]).toContain(selected.trim());

    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Highlight' });
    await dialog.getByRole('textbox', { name: 'Note' }).fill('یادداشت من');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await drawn(persian)).toEqual([selected.trim()]);
    expect(await drawn(english)).toEqual([]);
    await page.getByRole('region', { name: 'Your highlight' }).getByText('یادداشت من').waitFor();
    await expectNoAxeViolations(page);

    // The highlight belongs to the Persian translation: the Persian article draws it too.
    await page.goto(`${server.base}/article/parallel-all?lang=fa`);
    await page.getByRole('heading', { level: 1, name: title('parallel-all', 'fa') }).waitFor();
    await expect.poll(() => drawn(page.locator('div.body'))).toEqual([selected.trim()]);

    // On a phone the Persian paragraph is behind its disclosure: "Show" opens it at the passage.
    await page.setViewportSize(NARROW);
    await page.goto(`${server.base}/article/parallel-all/parallel?lang=en&a=en&b=fa`);
    await page.getByRole('heading', { level: 1, name: title('parallel-all', 'en') }).waitFor();
    const list = page.getByRole('region', { name: 'Your highlight' });
    await list.getByRole('button', { name: 'Show in the text' }).click();
    const button = page.getByRole('button', { name: 'Paragraph 2 in فارسی' });
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => getSelection()?.toString().trim() ?? ''))
      .toBe(selected.trim());

    // "h" there highlights the first English paragraph on screen, in English only.
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.evaluate(() => scrollTo(0, 0));
    await page.keyboard.press('h');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const pairs = page.locator('.reveal');
    const englishLead = fixture('parallel-all').translations.en?.lead ?? '';
    const englishDrawn = await pairs.evaluate((element) =>
      [...element.querySelectorAll('[data-part="en"] mark')]
        .map((mark) => mark.textContent)
        .join(''),
    );
    expect(englishDrawn).toBe(paragraphs('parallel-all', 'en')[0]);
    expect(englishDrawn).not.toContain(englishLead);
    await expectNoAxeViolations(page);
    expect(current.errors.filter((line) => !/ERR_INTERNET_DISCONNECTED|Failed/.test(line))).toEqual(
      [],
    );
  });
});
