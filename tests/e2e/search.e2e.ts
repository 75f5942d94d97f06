import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { REPO_ROOT, openSynced, useSession, type Session } from './harness';

/** Messages Chromium logs for the requests that fail because the test cut the network. */
const NETWORK_CUT =
  /Failed to load resource|net::ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|Failed to fetch/;

function unexpectedErrors(current: Session): string[] {
  return current.errors.filter((line) => !NETWORK_CUT.test(line));
}

/** The page's live result count (the site's status line is another role="status"). */
const resultStatus = (page: Page) => page.getByRole('main').getByRole('status');

/** Syncs a fresh profile, then cuts the network: everything after runs offline. */
async function syncThenGoOffline(current: Session): Promise<void> {
  await openSynced(current);
  await current.context.setOffline(true);
}

describe('search, sample feed (English and Spanish)', () => {
  const session = useSession();

  it('finds an accented Spanish word from an unaccented query, offline, and opens it', async () => {
    const current = session();
    const { page } = current;
    await syncThenGoOffline(current);

    // "/" goes to the header's field; the query travels in the address.
    await page.keyboard.press('/');
    const field = page.getByRole('searchbox', { name: 'Search saved articles' });
    expect(await field.evaluate((node) => node === document.activeElement)).toBe(true);
    await field.fill('caucaso');
    await field.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    expect(new URL(page.url()).search).toBe('?q=caucaso');

    const title = 'Francia frente a Bakú y Ankara en el Cáucaso';
    const link = page.getByRole('main').getByRole('link', { name: title, exact: true });
    await link.waitFor();
    await expect.poll(() => resultStatus(page).textContent()).toBe('1 result');
    expect(await link.locator('mark').allTextContents()).toEqual(['Cáucaso']);
    // The match is in Spanish and the reader reads English: the link says which language.
    expect(await link.getAttribute('href')).toBe(
      '/article/france-vs-baku-and-ankara-in-the-caucasus?lang=es',
    );
    await expectNoAxeViolations(page);

    await link.click();
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();

    // Back returns to the results, from the address alone.
    await page.goBack();
    await link.waitFor();
    expect(unexpectedErrors(current), current.errors.join('\n')).toEqual([]);
  });

  it('keeps the reader typing: pauses put the query in the address, never take the field', async () => {
    const current = session();
    const { page, server } = current;
    await syncThenGoOffline(current);
    await page.goto(`${server.base}/search?q=`);
    const field = page.getByRole('searchbox', { name: 'Search saved articles' });
    await field.click();
    await page.keyboard.type('cauc', { delay: 30 });
    await page.waitForURL((url) => url.search === '?q=cauc');
    // Longer than the page waits before it writes the address: the field must still be focused.
    await page.waitForTimeout(400);
    await page.keyboard.type('aso', { delay: 30 });
    await page.waitForURL((url) => url.search === '?q=caucaso');
    expect(await field.inputValue()).toBe('caucaso');
    await expect.poll(() => resultStatus(page).textContent()).toBe('1 result');
    expect(await field.evaluate((node) => node === document.activeElement)).toBe(true);
  });

  it('answers /search?q= loaded directly from a link, offline', async () => {
    const current = session();
    const { page, server } = current;
    await syncThenGoOffline(current);

    await page.goto(`${server.base}/search?q=gazaties&lang=es`);
    await page.getByRole('heading', { level: 1, name: 'Buscar' }).waitFor();
    const link = page.getByRole('main').getByRole('link', {
      name: 'Razones de la ineficacia de la cumbre de Riad ante las expectativas de los gazatíes',
    });
    await link.waitFor();
    expect(
      await page.getByRole('searchbox', { name: 'Buscar en los artículos guardados' }).inputValue(),
    ).toBe('gazaties');
    await expect.poll(() => resultStatus(page).textContent()).toBe('1 resultado');
    expect(unexpectedErrors(current), current.errors.join('\n')).toEqual([]);
  });
});

/** The search worker's persisted index record, as IndexedDB holds it: its format, or null. */
function persistedFormat(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve, reject) => {
        const open = indexedDB.open('folio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('search').objectStore('search').get('index');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            db.close();
            const record = get.result as { format?: unknown } | undefined;
            resolve(typeof record?.format === 'number' ? record.format : null);
          };
        };
      }),
  );
}

describe('search, persisted index', () => {
  const session = useSession();

  it('saves the index it built, and a later visit answers from it offline', async () => {
    const current = session();
    const { page, server } = current;
    await syncThenGoOffline(current);
    await page.goto(`${server.base}/search?q=caucaso`);
    const title = 'Francia frente a Bakú y Ankara en el Cáucaso';
    await page.getByRole('main').getByRole('link', { name: title, exact: true }).waitFor();
    await expect.poll(() => persistedFormat(page)).not.toBeNull();

    // A new page is a new search worker: it loads the saved index rather than starting empty.
    await page.goto(`${server.base}/`);
    // A prefix: the English title ("Caucasus") matches too, and is the one an English reader sees.
    await page.goto(`${server.base}/search?q=cauca`);
    await page
      .getByRole('main')
      .getByRole('link', { name: 'France vs. Baku and Ankara in the Caucasus', exact: true })
      .waitFor();
    await expect.poll(() => resultStatus(page).textContent()).toBe('1 result');
    expect(unexpectedErrors(current), current.errors.join('\n')).toEqual([]);
  });

  it('is built by the service worker after a sync, before search is first opened', async () => {
    const current = session();
    const { page, server } = current;
    await syncThenGoOffline(current);
    // Home only: no search worker has run in this profile.
    await expect.poll(() => persistedFormat(page), { timeout: 20_000 }).not.toBeNull();
    const workers = await page.evaluate(() =>
      performance.getEntriesByName('folio:search-start').map((entry) => entry.name),
    );
    expect(workers).toEqual([]);

    await page.goto(`${server.base}/search?q=gazaties&lang=es`);
    await page
      .getByRole('main')
      .getByRole('link', {
        name: 'Razones de la ineficacia de la cumbre de Riad ante las expectativas de los gazatíes',
      })
      .waitFor();
    expect(unexpectedErrors(current), current.errors.join('\n')).toEqual([]);
  });

  it('ranks, forgives a typo, keeps a quoted phrase and leaves out a -word, offline', async () => {
    const current = session();
    const { page, server } = current;
    await syncThenGoOffline(current);
    const results = page.getByRole('main').getByRole('listitem').getByRole('link');
    const search = async (query: string) => {
      await page.goto(`${server.base}/search?q=${encodeURIComponent(query)}`);
      await expect.poll(() => resultStatus(page).textContent()).not.toBe('');
    };

    // Both titles say Iraq; every other article only mentions it, if at all.
    await search('iraq');
    await expect
      .poll(() => results.allTextContents())
      .toEqual([
        'The Truth about US troop Pullout from Iraq!',
        'NATO’s Ambiguous Mission in Iraq New Plan for Socio-Cultural Influence',
      ]);

    // One letter off, five letters or more: found, and the word found is marked.
    await search('caucasis');
    const caucasus = results.filter({ hasText: 'France vs. Baku and Ankara in the Caucasus' });
    await caucasus.waitFor();
    expect(await caucasus.locator('mark').allTextContents()).toEqual(['Caucasus']);

    // Quoted words side by side, read from the saved body; reversed, only the closest matches.
    await search('"ground operations"');
    await expect.poll(() => resultStatus(page).textContent()).toBe('1 result');
    await search('"operations ground"');
    await expect
      .poll(() => resultStatus(page).textContent())
      .toBe('No saved article matches all of “"operations ground"”. The closest matches:');
    expect(await results.count()).toBeGreaterThan(0);

    await search('iraq -pullout');
    await expect
      .poll(() => results.allTextContents())
      .toEqual(['NATO’s Ambiguous Mission in Iraq New Plan for Socio-Cultural Influence']);
    await expectNoAxeViolations(page);
    expect(unexpectedErrors(current), current.errors.join('\n')).toEqual([]);
  });
});

describe('search, trilingual feed (Persian)', () => {
  const session = useSession({
    contentFrom: path.join(REPO_ROOT, 'tests/fixtures/feeds/trilingual'),
  });

  it('finds a Persian word typed with Arabic ي and ك, offline, and opens it', async () => {
    const current = session();
    const { page, server } = current;
    await syncThenGoOffline(current);

    // كريدور: Arabic kaf and yeh; the article writes کریدور with the Persian letters.
    await page.goto(`${server.base}/search?q=${encodeURIComponent('كريدور')}`);
    const title = 'کریدور شمال–جنوب شتاب می‌گیرد';
    const link = page.getByRole('main').getByRole('link', { name: title, exact: true });
    await link.waitFor();
    expect(await link.locator('mark').allTextContents()).toEqual(['کریدور']);
    expect(await link.getAttribute('href')).toBe('/article/fa-es?lang=fa');

    // The language filter: the same query in Spanish only finds nothing.
    await page.getByRole('combobox', { name: 'In language' }).selectOption('es');
    await expect.poll(() => resultStatus(page).textContent()).toContain('No saved article');
    await page.goBack();
    await link.waitFor();
    await expectNoAxeViolations(page);

    await link.click();
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    expect(unexpectedErrors(current), current.errors.join('\n')).toEqual([]);
  });
});
