import path from 'node:path';
import { describe, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { REPO_ROOT, chooseTheme, openSynced, useSession } from './harness';

const session = useSession({
  contentFrom: path.join(REPO_ROOT, 'tests/fixtures/feeds/trilingual'),
});

// Every page the app has, with content on it: a bookmark, a highlight, a comment-free article, the
// side-by-side view, settings, and an address that does not exist.
const PAGES = [
  '/',
  '/?c=west-asia',
  '/article/parallel-all',
  '/article/parallel-all/parallel',
  '/bookmarks',
  '/highlights',
  '/settings',
  '/no/such/page',
];

describe('axe-core on every page', () => {
  for (const [theme, label] of [
    ['light', 'Light'],
    ['dark', 'Dark'],
  ] as const) {
    it(`has no violations in the ${theme} theme, in Persian (right-to-left)`, async () => {
      const { page, server } = session();
      await openSynced(session());
      await chooseTheme(page, server.base, label);
      await page.goto(`${server.base}/article/parallel-all?lang=fa`);
      await page.locator('[data-action="bookmark"]').first().click();
      // A highlight with a note, for the article's list of them and the Highlights page.
      await page.locator('div.body p').first().waitFor();
      await page.keyboard.press('h');
      await page.getByRole('dialog').getByRole('textbox').fill('یادداشت');
      await page.getByRole('dialog').getByRole('button').last().click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      for (const address of PAGES) {
        await page.goto(`${server.base}${address}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForFunction(
          (wanted) =>
            document.documentElement.dir === 'rtl' &&
            document.documentElement.dataset.theme === wanted,
          theme,
        );
        await expectNoAxeViolations(page);
      }
    });
  }
});
