import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { LOAD, open, seedTrilingual, titleOf } from './parallel-fixture';

describe('Side by side: entry point', () => {
  it('links an article in several languages to its side-by-side view', async () => {
    await seedTrilingual();
    open('/article/parallel-all');
    const link = await screen.findByRole('link', { name: 'Side by side' }, LOAD);
    expect(link).toHaveAttribute('href', '/article/parallel-all/parallel');
    await userEvent.click(link);
    expect(
      await screen.findByRole('heading', { level: 1, name: titleOf('parallel-all', 'en') }, LOAD),
    ).toBeInTheDocument();
    expect(window.location.pathname).toBe('/article/parallel-all/parallel');
  });

  it('offers no side-by-side link for an article in one language', async () => {
    await seedTrilingual();
    open('/article/english-only');
    await screen.findByRole('heading', { level: 1, name: titleOf('english-only', 'en') }, LOAD);
    expect(screen.queryByRole('link', { name: 'Side by side' })).toBeNull();
  });

  it('says so when a one-language article is opened side by side anyway', async () => {
    await seedTrilingual();
    open('/article/english-only/parallel');
    expect(
      await screen.findByText(
        'This article is available in one language only, so it cannot be read side by side.',
        {},
        LOAD,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the article' })).toHaveAttribute(
      'href',
      '/article/english-only',
    );
  });
});
