import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import {
  expectAllListed,
  expectArticleShown,
  openSynced,
  useSession,
  waitForStatus,
} from './harness';

const session = useSession();

describe('accessibility (axe-core)', () => {
  it('Home has no violations', async () => {
    const { page } = session();
    await openSynced(session());
    await expectAllListed(page);
    await expectNoAxeViolations(page);
  });

  it('an article page has no violations', async () => {
    const { page, server } = session();
    await openSynced(session());
    const id = 'truth-about-us-troop-pullout-from-iraq';
    await page.goto(`${server.base}/article/${id}`);
    await expectArticleShown(page, id);
    await waitForStatus(page, 'fresh');
    await expectNoAxeViolations(page);
  });

  it('Page not found has no violations', async () => {
    const { page, server } = session();
    await openSynced(session());
    await page.goto(`${server.base}/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await waitForStatus(page, 'fresh');
    await expectNoAxeViolations(page);
  });

  it('the offline Home has no violations', async () => {
    const { page, context } = session();
    await openSynced(session());
    await context.setOffline(true);
    await page.reload();
    await expectAllListed(page);
    await waitForStatus(page, 'offline');
    // Without a network the status line offers nothing to do: the app syncs when it returns.
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
