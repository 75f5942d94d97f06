// The reader's core journey, written once against EngineDriver and run in every engine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { DIST_DIR, sampleArticles, sampleBody } from '../e2e/harness';
import { byText, waitFor, type EngineDriver } from './driver';

interface IndexFile {
  articles: { id: string; translations: Record<string, { title: string }> }[];
}

const index = JSON.parse(
  readFileSync(path.join(DIST_DIR, 'content/index.json'), 'utf8'),
) as IndexFile;

/** Titles of the sample feed in `lang`, newest first, as Home lists them. */
export function titlesIn(lang: string): string[] {
  return index.articles.map((article) => article.translations[lang]?.title ?? '');
}

export const ARTICLES = sampleArticles();

/** The headlines Home lists now (textContent: innerText leaves out cards off screen). */
export function listedHeadlines(): string[] {
  return [...document.querySelectorAll('main article.card h2 a')].map((link) =>
    (link.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

/** Waits until Home lists exactly `titles`, in that order. */
export async function expectListed(driver: EngineDriver, titles: string[]): Promise<void> {
  await waitFor(
    driver,
    `waiting for Home to list ${titles.length} articles`,
    (wanted: string[]) => {
      // Home rendered by the service worker is live once the app has taken it over (its mark).
      if (performance.getEntriesByName('folio:headlines').length === 0) return false;
      const seen = [...document.querySelectorAll('main article.card h2 a')].map((link) =>
        (link.textContent ?? '').replace(/\s+/g, ' ').trim(),
      );
      return JSON.stringify(seen) === JSON.stringify(wanted);
    },
    titles,
  );
}

/** Waits for an article page in `lang`: its title as the h1 and its whole body text. */
export async function expectArticle(driver: EngineDriver, id: string, lang = 'en'): Promise<void> {
  const title = index.articles.find((article) => article.id === id)?.translations[lang]?.title;
  if (title === undefined) throw new Error(`the sample has no "${lang}" title for ${id}`);
  await waitFor(
    driver,
    `waiting for the article ${id} in ${lang}`,
    (heading: string) => {
      const h1 = document.querySelector('main h1');
      return (h1?.textContent ?? '').replace(/\s+/g, ' ').trim() === heading;
    },
    title,
  );
  // The feed's HTML parsed by the engine itself, against what the page shows: nothing lost.
  await waitFor(
    driver,
    `waiting for the whole body of ${id}`,
    (html: string) => {
      const collapse = (text: string | null | undefined) =>
        (text ?? '').replace(/\s+/g, ' ').trim();
      const expected = collapse(
        new DOMParser().parseFromString(html, 'text/html').body.textContent,
      );
      const shown = collapse(document.querySelector('main div.body')?.textContent);
      return expected.length > 0 && shown === expected;
    },
    sampleBody(id, lang),
  );
  expect(new URL(await driver.url()).pathname).toBe(`/article/${id}`);
}

/** Waits for a worker in control and a first sync done, with every body in IndexedDB. */
export async function expectSavedForOffline(driver: EngineDriver): Promise<number> {
  await waitFor(
    driver,
    'waiting for the service worker to control the page',
    () => navigator.serviceWorker.controller !== null,
  );
  return waitFor(
    driver,
    'waiting for every body in IndexedDB',
    async (wanted: number) => {
      const status = document.querySelector('#app > div.status')?.getAttribute('data-status');
      if (status !== 'fresh') return 0;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('folio');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        const count = await new Promise<number>((resolve, reject) => {
          const request = db.transaction('articles').objectStore('articles').count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('count failed'));
        });
        return count >= wanted ? count : 0;
      } finally {
        db.close();
      }
    },
    ARTICLES.length,
  );
}

/** Clicks the link in `main` that reads `text`. */
export async function openLink(driver: EngineDriver, text: string): Promise<void> {
  await driver.click(await byText(driver, 'main a', text));
}

/** Picks a language in the header's menu and waits for the page to follow. */
export async function chooseLanguage(driver: EngineDriver, code: string): Promise<void> {
  await driver.select('header select', code);
  await waitFor(
    driver,
    `waiting for the page in ${code}`,
    (lang: string) => document.documentElement.lang === lang,
    code,
  );
}

/** Picks a theme in Settings, by its label, as a reader would. */
export async function chooseTheme(driver: EngineDriver, base: string, label: string) {
  await driver.goto(`${base}/settings`);
  await driver.click(await byText(driver, 'main label', label));
  await waitFor(
    driver,
    `waiting for the ${label} theme`,
    (wanted: string) => document.documentElement.dataset.theme === wanted.toLowerCase(),
    label,
  );
}
