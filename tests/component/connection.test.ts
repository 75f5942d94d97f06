import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { openDB } from 'idb';
import App from '../../src/App.svelte';
import { DB_NAME, DB_VERSION } from '../../src/lib/db';
import { createVersion1 } from '../fixtures/db-v1';
import { indexPage, summary } from '../fixtures/feed';
import { seed } from './helpers';

describe('Several tabs', () => {
  it('offers a reload when another tab opens a newer version, without blocking it', async () => {
    await seed(indexPage([summary('one')]));
    render(App);
    expect(await screen.findByRole('link', { name: /Title one/ })).toBeInTheDocument();

    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    newer.close();
    expect(await screen.findByText('Folio was updated in another tab.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });

  it('says so while an older tab blocks the upgrade, then carries on', async () => {
    const oldTab = await createVersion1();
    render(App);
    expect(
      await screen.findByText('Close other Folio tabs to finish updating.'),
    ).toBeInTheDocument();

    oldTab.close();
    await expect
      .poll(() => screen.queryByText('Close other Folio tabs to finish updating.'))
      .toBeNull();
  });
});
