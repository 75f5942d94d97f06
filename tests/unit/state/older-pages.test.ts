import { describe, expect, it } from 'vitest';
import { getDb, getStorageSettings, putStorageSettings } from '../../../src/lib/db';
import { olderPages } from '../../../src/lib/state/older-pages.svelte';

describe('the "Save older pages in the background" setting', () => {
  it('keeps a choice made while the stored setting was still being read', async () => {
    await putStorageSettings(await getDb(), { crawlOlder: true });
    const reading = olderPages.readSetting();
    // The reader turns it off before the read above has answered.
    const choosing = olderPages.setCrawl(false);
    await Promise.all([reading, choosing]);
    expect(olderPages.crawlEnabled).toBe(false);
    expect((await getStorageSettings(await getDb())).crawlOlder).toBe(false);
  });

  it('reads the stored setting when nothing was chosen meanwhile', async () => {
    await putStorageSettings(await getDb(), { crawlOlder: true });
    await olderPages.readSetting();
    expect(olderPages.crawlEnabled).toBe(true);
  });
});
