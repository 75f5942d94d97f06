import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import {
  articleLink,
  expectArticleShown,
  openSynced,
  sampleArticle,
  useSession,
  waitForStatus,
} from './harness';

const session = useSession();

const KEPT = sampleArticle('germanys-new-defense-policy-guidelines');
const OTHER = sampleArticle('truth-about-us-troop-pullout-from-iraq');

function storageSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Storage' });
}

async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const section = storageSection(page);
  await section.getByText(/articles? saved for offline reading/).waitFor();
  return section;
}

describe('storage', () => {
  it('shows the Storage section on Settings, axe clean', async () => {
    const current = session();
    const { page } = current;
    await openSynced(current);
    const section = await openSettings(page);
    await section.getByText(/used, .* available/).waitFor();
    await expect
      .poll(async () => section.getByRole('combobox', { name: /Articles to keep/ }).inputValue())
      .toBe('200');
    await page.screenshot({ path: '/tmp/folio-storage-settings.png', fullPage: true });
    await expectNoAxeViolations(page);

    await section.getByRole('button', { name: 'Clear saved articles' }).click();
    await section.getByRole('group', { name: /except your bookmarks/ }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('clears saved articles but keeps a bookmark readable offline', async () => {
    const current = session();
    const { page, context, server } = current;
    await openSynced(current);
    const kept = page.getByRole('main').getByRole('article', { name: KEPT.title, exact: true });
    // Its card stops saying it is not saved once its full text is.
    await expect.poll(() => kept.getByText('Not saved for offline yet').count()).toBe(0);
    await kept.getByRole('button', { name: 'Bookmark', exact: true }).click();
    await expect
      .poll(() =>
        kept.getByRole('button', { name: 'Remove bookmark' }).getAttribute('aria-pressed'),
      )
      .toBe('true');

    const section = await openSettings(page);
    await section.getByRole('button', { name: 'Clear saved articles' }).click();
    await section.getByRole('button', { name: 'Clear them' }).click();
    await section.getByText('Saved articles cleared. Your bookmarks are still here.').waitFor();
    await section.getByText('1 article saved for offline reading').waitFor();
    // The cleared articles' cached images went with their bodies.
    const imageUrl = `${server.base}/content/media/iraq.svg`;
    expect(
      await page.evaluate(
        async (url) => !!(await (await caches.open('folio-images')).match(url)),
        imageUrl,
      ),
    ).toBe(false);

    await context.setOffline(true);
    await page.goto(`${server.base}/`);
    await waitForStatus(page, 'offline');
    await articleLink(page, KEPT.title).click();
    // Its full text, read offline.
    await expectArticleShown(page, KEPT.id);

    await page.goto(`${server.base}/article/${OTHER.id}`);
    await page
      .getByText('The full text of this article was not saved before you went offline.')
      .waitFor();
  });

  it('shows the lead image of a saved article offline', async () => {
    const current = session();
    const { page, context, server } = current;
    await openSynced(current);
    const imageUrl = `${server.base}/content/media/iraq.svg`;
    await expect
      .poll(() =>
        page.evaluate(
          async (url) => !!(await (await caches.open('folio-images')).match(url)),
          imageUrl,
        ),
      )
      .toBe(true);

    await context.setOffline(true);
    await page.goto(`${server.base}/article/${OTHER.id}`);
    await expectArticleShown(page, OTHER.id);
    const lead = page.locator('figure.lead-image img');
    await expect
      .poll(() => lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await page.screenshot({ path: '/tmp/folio-storage-offline-image.png' });
  });
});
