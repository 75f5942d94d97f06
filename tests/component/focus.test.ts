import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { seed } from './helpers';

describe('focus on route change', () => {
  it('moves focus to the new page’s main heading, and back on the list', async () => {
    await seed(indexPage([summary('one')]), [articleFile('one')]);
    render(App);
    // The first load leaves focus where the browser puts it.
    expect(document.activeElement).toBe(document.body);

    await userEvent.click(screen.getByRole('link', { name: 'Title one' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Title one' });
    await expect.poll(() => document.activeElement).toBe(heading);

    await userEvent.click(screen.getByRole('link', { name: 'Strategic Council Online' }));
    const home = await screen.findByRole('heading', { level: 1, name: 'Latest articles' });
    await expect.poll(() => document.activeElement).toBe(home);
    expect(home).toHaveAttribute('tabindex', '-1');
  });
});
