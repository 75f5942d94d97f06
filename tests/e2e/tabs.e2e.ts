import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { openSynced, useSession, WAIT_MS } from './harness';

const session = useSession();

describe('two tabs during an upgrade', () => {
  it('the old tab closes its connection, offers a reload and never blocks the new one', async () => {
    const current = session();
    const { page: oldTab, context, server } = current;
    await openSynced(current);

    // The new release's tab: same origin, opening the database at a higher version.
    const newTab = await context.newPage();
    await newTab.goto(`${server.base}/content/index.json`);
    const version = await newTab.evaluate(
      (timeout) =>
        new Promise<number | string>((resolve) => {
          const request = indexedDB.open('folio', 99);
          const timer = setTimeout(() => resolve('still blocked'), timeout);
          request.onsuccess = () => {
            clearTimeout(timer);
            request.result.close();
            resolve(request.result.version);
          };
          request.onerror = () => resolve(String(request.error));
        }),
      WAIT_MS,
    );
    expect(version).toBe(99);

    await oldTab.getByText('Folio was updated in another tab.').waitFor();
    const reload = oldTab.getByRole('button', { name: 'Reload' });
    await reload.waitFor();
    await expectNoAxeViolations(oldTab);
    await newTab.close();
  });
});
