import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { articleLink, openSynced, useSession, waitForStatus } from './harness';

const session = useSession();

const listedTitles = async (page: import('playwright-core').Page) =>
  (await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).map((t) =>
    t.trim(),
  );

describe('category filtering', () => {
  it('filters from the URL offline, keeps the filter across back/forward and reload', async () => {
    const { page, context, server } = session();
    await openSynced(session());
    await context.setOffline(true);

    await page.goto(`${server.base}/?c=europe`);
    await page.getByRole('heading', { level: 1, name: 'Articles in Europe' }).waitFor();
    await waitForStatus(page, 'offline');
    await expect
      .poll(() => listedTitles(page))
      .toEqual([
        'Organizing Immigration Issue, Cause of Escalation of Divergence in EU',
        'Germany’s “New Defense Policy Guidelines”: Return of Germanic People to Age of Militarism?',
      ]);

    const filter = page.getByRole('group', { name: 'Categories' });
    await filter.getByRole('checkbox', { name: /Caucasus/ }).check();
    await page.waitForURL(`${server.base}/?c=europe,caucasus`);
    await expect.poll(async () => (await listedTitles(page)).length).toBe(3);

    await page.goBack();
    await page.waitForURL(`${server.base}/?c=europe`);
    await expect.poll(async () => (await listedTitles(page)).length).toBe(2);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Articles in Europe' }).waitFor();
    await expect(filter.getByRole('checkbox', { name: /Europe/ }).isChecked()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Show all articles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Latest articles' }).waitFor();
    await expect.poll(async () => (await listedTitles(page)).length).toBe(8);
  });

  it('shows each category with its count, and an article links its categories to the list', async () => {
    const { page } = session();
    await openSynced(session());
    const political = page.getByRole('checkbox', { name: /Political/ });
    await expect(political.locator('xpath=..').textContent()).resolves.toMatch(/Political\s*5/);

    await articleLink(page, 'France vs. Baku and Ankara in the Caucasus').click();
    await page.getByRole('main').getByRole('link', { name: 'Caucasus', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Articles in Caucasus' }).waitFor();
    expect(await listedTitles(page)).toEqual(['France vs. Baku and Ankara in the Caucasus']);
    await expectNoAxeViolations(page);
  });
});
