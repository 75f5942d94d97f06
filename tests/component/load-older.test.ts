import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import LoadOlder from '../../src/components/list/LoadOlder.svelte';
import { getDb } from '../../src/lib/db';
import { library } from '../../src/lib/state/library.svelte';
import { syncStatus } from '../../src/lib/state/sync-status.svelte';
import { feedUrl } from '../../src/lib/sync/config';
import { runSync } from '../../src/lib/sync/sync';
import { networkDown, stubNetwork } from '../fixtures/network';
import { articleFor, indexPage, summaries } from '../fixtures/feed';
import './helpers';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A synced three-page feed of two articles a page, served at the app's own feed address. */
async function syncedThreePages() {
  const url = feedUrl();
  const at = (file: string) => new URL(file, url).href;
  const entries = summaries(6);
  const network = stubNetwork({
    [url]: indexPage(entries.slice(0, 2), { next: 'index-2.json' }),
    [at('index-2.json')]: {
      version: 1,
      updated: '2026-11-01T00:00:00Z',
      articles: entries.slice(2, 4),
      next: 'index-3.json',
    },
    [at('index-3.json')]: {
      version: 1,
      updated: '2026-11-01T00:00:00Z',
      articles: entries.slice(4),
    },
    ...Object.fromEntries(entries.map((e) => [at(`articles/${String(e.id)}.json`), articleFor(e)])),
  });
  await runSync({ db: await getDb(), feedUrl: url, fetch: network.fetch });
  await Promise.all([library.refresh(), syncStatus.refresh()]);
  vi.stubGlobal('fetch', network.fetch);
  return { network, at };
}

describe('LoadOlder', () => {
  it('loads one older page per press, announces it, and says when none is left', async () => {
    await syncedThreePages();
    render(LoadOlder);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Load older articles' }));
    expect(await screen.findByText('2 older articles added.')).toHaveAttribute('role', 'status');
    expect(library.hasOlder).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Load older articles' }));
    expect(await screen.findByText('You have reached the oldest article.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(await (await getDb()).count('summaries')).toBe(6);
  });

  it('says it is offline and offers to try again, which then works', async () => {
    const { network, at } = await syncedThreePages();
    const page2 = network.fetch;
    vi.stubGlobal('fetch', networkDown);
    render(LoadOlder);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Load older articles' }));
    expect(
      await screen.findByText('You are offline. Older articles can load once you are back online.'),
    ).toHaveAttribute('role', 'status');
    vi.stubGlobal('fetch', page2);
    await user.click(screen.getByRole('button', { name: 'Try loading older articles again' }));
    expect(await screen.findByText('2 older articles added.')).toBeInTheDocument();
    expect(network.requests).toContain(at('index-2.json'));
  });
});
