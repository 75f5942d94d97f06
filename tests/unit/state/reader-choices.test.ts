import { describe, expect, it, vi } from 'vitest';
import { getDb, getReaderChoices } from '../../../src/lib/db';
import { locale } from '../../../src/lib/state/locale.svelte';
import { preferences } from '../../../src/lib/state/preferences.svelte';

// The service worker renders Home's first screen and cannot read localStorage: every display
// choice must reach IndexedDB too.
const stored = async () => getReaderChoices(await getDb());

describe('display choices, copied for the service worker', () => {
  it('copies the theme and text size the reader picks, each keeping the other', async () => {
    preferences.setTheme('dark');
    await vi.waitFor(async () => expect((await stored()).theme).toBe('dark'));
    preferences.setTextSize('larger');
    await vi.waitFor(async () =>
      expect(await stored()).toMatchObject({ theme: 'dark', textSize: 'larger' }),
    );
  });

  it('copies the interface language chosen, and forgets it when the feed decides again', async () => {
    locale.choose('fa');
    await vi.waitFor(async () => expect((await stored()).uiLang).toBe('fa'));
    locale.followFeed();
    await vi.waitFor(async () => expect((await stored()).uiLang).toBeNull());
  });

  it('copies at start what this device chose before the worker could read it', async () => {
    localStorage.setItem('folio:prefs', JSON.stringify({ theme: 'light', textSize: 'small' }));
    // A new start: the module reads localStorage as it loads.
    vi.resetModules();
    const fresh = await import('../../../src/lib/state/preferences.svelte');
    const db = await import('../../../src/lib/db');
    const stop = fresh.preferences.start();
    try {
      await vi.waitFor(async () =>
        expect(await db.getReaderChoices(await db.getDb())).toMatchObject({
          theme: 'light',
          textSize: 'small',
        }),
      );
    } finally {
      stop();
      await db.closeDb();
    }
  });
});
