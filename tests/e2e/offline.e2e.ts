import { describe, expect, it } from 'vitest';
import {
  articleLink,
  contentHits,
  expectAllListed,
  expectArticleShown,
  openSynced,
  sampleArticle,
  statusText,
  useSession,
  waitForQuiet,
  waitForSettled,
  waitForStatus,
  type Session,
} from './harness';
import { fireWorkerEvent } from './worker-events';

const session = useSession();

const OFFLINE_STATUS = /^Offline — showing articles saved \S/;

/** Messages Chromium logs for the requests that fail because the test cut the network. */
const NETWORK_CUT =
  /Failed to load resource|net::ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|Failed to fetch/;

/** After a complete first sync, cuts the network; returns where the server's log stood. */
async function syncThenGoOffline(current: Session): Promise<number> {
  await openSynced(current);
  await current.context.setOffline(true);
  return current.server.hits.length;
}

/**
 * The page's own sync attempt (through the worker) has failed, and the status line says so; it
 * offers no "Try again" while the device has no network (the app syncs when it returns).
 */
async function expectOfflineStatus(current: Session): Promise<void> {
  await waitForStatus(current.page, 'offline');
  // A reload offline first shows the status the last visit stored ("offline" already), then the
  // start-up sync runs ("Updating…") and fails again: what counts is where it settles.
  await expect.poll(() => statusText(current.page)).toMatch(OFFLINE_STATUS);
  expect(await current.page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
}

function unexpectedErrors(current: Session): string[] {
  return current.errors.filter((line) => !NETWORK_CUT.test(line));
}

describe('offline', () => {
  it('a reload lists every saved article and says it is offline', async () => {
    const current = session();
    const mark = await syncThenGoOffline(current);

    await current.page.reload();
    await expectAllListed(current.page);
    await expectOfflineStatus(current);

    expect(contentHits(current.server, mark)).toEqual([]);
    expect(unexpectedErrors(current), current.errors.join('\n')).toEqual([]);
  });

  it('opens an article never opened before from its link in the list', async () => {
    const current = session();
    const { page } = current;
    const mark = await syncThenGoOffline(current);

    await page.reload();
    await expectOfflineStatus(current);
    const { id, title } = sampleArticle('germanys-new-defense-policy-guidelines');
    await articleLink(page, title).click();
    await expectArticleShown(page, id);
    await waitForStatus(page, 'offline');

    expect(contentHits(current.server, mark)).toEqual([]);
    expect(unexpectedErrors(current), current.errors.join('\n')).toEqual([]);
  });

  it('opens a deep link to an article never opened before', async () => {
    const current = session();
    const { page, server } = current;
    const mark = await syncThenGoOffline(current);

    const { id } = sampleArticle('truth-about-us-troop-pullout-from-iraq');
    await page.goto(`${server.base}/article/${id}`);
    await expectArticleShown(page, id);
    await page
      .locator('div.body')
      .getByText('It was in January 2020 when members of the Iraqi parliament')
      .waitFor();
    await expectOfflineStatus(current);

    expect(contentHits(server, mark)).toEqual([]);
    expect(unexpectedErrors(current), current.errors.join('\n')).toEqual([]);
  });

  it('updates again once the network is back', async () => {
    const current = session();
    const { page, context, server } = current;
    await syncThenGoOffline(current);
    await page.reload();
    await expectOfflineStatus(current);

    const mark = server.hits.length;
    await context.setOffline(false);
    // The page's "online" event asks for a sync by itself. Playwright lifts the emulation for the
    // page before the worker, so that sync may still fail; once setOffline() has resolved both
    // are online, and "Try again" (shown when the device is online and the status is not fresh)
    // must then succeed.
    if ((await waitForQuiet(page)) !== 'fresh') {
      await page.getByRole('button', { name: 'Try again' }).click();
    }
    await waitForSettled(page);
    expect(await statusText(page)).toMatch(/^Up to date · updated \S/);
    expect(contentHits(server, mark)).toContain('/content/index.json');
    await expect.poll(() => page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });

  it('syncs in the service worker when the browser fires a periodic sync', async () => {
    const current = session();
    const { page, server } = current;
    await openSynced(current);
    // No page of the app left to ask for a sync: only the worker can fetch the feed now.
    await page.goto('about:blank');
    const mark = server.hits.length;
    await fireWorkerEvent(page, server.base, 'periodicsync', 'folio-sync');
    await expect
      .poll(() => contentHits(server, mark), { timeout: 15_000 })
      .toContain('/content/index.json');
    // Another tag is not Folio's to answer.
    const after = server.hits.length;
    await fireWorkerEvent(page, server.base, 'periodicsync', 'someone-else');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(contentHits(server, after)).toEqual([]);
  });
});
