import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSynced, useSession } from './harness';

const PARAGRAPH = `<p>${'Lorem ipsum dolor sit amet, <em>consectetur</em> adipiscing elit. '.repeat(20)}</p>`;
const PARAGRAPHS = Math.ceil((3 * 1024 * 1024) / PARAGRAPH.length);

/** A feed with one article whose body is about 3 MB of paragraphs. */
function writeLargeFeed(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-large-feed-'));
  mkdirSync(path.join(dir, 'articles'));
  const date = '2026-11-01T00:00:00Z';
  const body = PARAGRAPH.repeat(PARAGRAPHS);
  const base = { version: 1, id: 'long-read', published: date, updated: date, categories: [] };
  writeFileSync(
    path.join(dir, 'articles/long-read.json'),
    JSON.stringify({ ...base, translations: { en: { title: 'A very long read', body } } }),
  );
  const summary = {
    ...base,
    href: 'articles/long-read.json',
    translations: { en: { title: 'A very long read' } },
  };
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({
      version: 1,
      site: { title: { en: 'Long feed' } },
      languages: [{ code: 'en', name: 'English' }],
      defaultLanguage: 'en',
      categories: [],
      updated: date,
      articles: [summary],
    }),
  );
  return dir;
}

const session = useSession({ contentFrom: writeLargeFeed() });

describe('a 3 MB article body', () => {
  it('renders in full without freezing: the page answers input while it renders', async () => {
    const { page } = session();
    await openSynced(session());
    await page.evaluate(() => {
      const longTasks: number[] = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      Object.assign(window, { longTasks });
    });
    const longest = () =>
      page.evaluate(() =>
        Math.round(Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks)),
      );

    const started = Date.now();
    await page.getByRole('link', { name: 'A very long read' }).click();
    await page.locator('div.body p').first().waitFor();
    const firstText = Date.now() - started;
    await expect
      .poll(() => page.locator('div.body p').count(), { timeout: 20_000 })
      .toBe(PARAGRAPHS);
    const complete = Date.now() - started;
    const longestWhileRendering = await longest();

    // Input is answered while a long body renders: reopen it and leave at once.
    await page.goBack();
    await page.getByRole('link', { name: 'A very long read' }).click();
    await page.locator('div.body p').first().waitFor();
    const clicked = Date.now();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor({ timeout: 2000 });
    const answered = Date.now() - clicked;

    console.log(
      `3 MB body: first text ${firstText} ms, complete ${complete} ms, longest task ${longestWhileRendering} ms, input answered in ${answered} ms`,
    );
    expect(firstText).toBeLessThan(2000);
    expect(longestWhileRendering).toBeLessThan(1000);
    expect(answered).toBeLessThan(1000);
  });
});
