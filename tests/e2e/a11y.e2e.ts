import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAllListed,
  expectArticleShown,
  openSynced,
  useSession,
  waitForStatus,
} from './harness';

const session = useSession();

/** Runs axe-core on the page as it is and lists each violation with the nodes it found. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => JSON.stringify(node.target)).join(', ');
    return `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} — ${targets}`;
  });
}

async function expectNoViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe violations on ${page.url()}:\n${violations.join('\n')}`).toEqual([]);
}

describe('accessibility (axe-core)', () => {
  it('Home has no violations', async () => {
    const { page } = session();
    await openSynced(session());
    await expectAllListed(page);
    await expectNoViolations(page);
  });

  it('an article page has no violations', async () => {
    const { page, server } = session();
    await openSynced(session());
    const id = 'truth-about-us-troop-pullout-from-iraq';
    await page.goto(`${server.base}/article/${id}`);
    await expectArticleShown(page, id);
    await waitForStatus(page, 'fresh');
    await expectNoViolations(page);
  });

  it('Page not found has no violations', async () => {
    const { page, server } = session();
    await openSynced(session());
    await page.goto(`${server.base}/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await waitForStatus(page, 'fresh');
    await expectNoViolations(page);
  });

  it('the offline Home has no violations', async () => {
    const { page, context } = session();
    await openSynced(session());
    await context.setOffline(true);
    await page.reload();
    await expectAllListed(page);
    await waitForStatus(page, 'offline');
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    await expectNoViolations(page);
  });
});
