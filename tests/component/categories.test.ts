import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { trilingualArticles, trilingualIndex } from '../fixtures/trilingual';
import { afterNextPaint } from '../../src/lib/ui/after-paint';
import { goTo, seed } from './helpers';

const titles = () =>
  screen.queryAllByRole('heading', { level: 2 }).map((heading) => heading.textContent?.trim());

async function showHome(path = '/') {
  await seed(trilingualIndex(), trilingualArticles());
  goTo(path);
  render(App);
  return screen.findByRole('group', { name: 'Categories' });
}

// The pages are chunks of their own: compiled on first import, which alone can outlast 5 s.
beforeAll(
  () =>
    Promise.all([
      import('../../src/routes/Home.svelte'),
      import('../../src/routes/ArticlePage.svelte'),
    ]),
  60_000,
);

describe('Category filter', () => {
  it('lists categories in the current language with their saved-article counts', async () => {
    const filter = await showHome();
    // Every declared category is offered until the counts land; then only those with articles.
    await waitFor(() =>
      expect(
        within(filter)
          .getAllByRole('checkbox')
          .map((box) => box.closest('label')?.textContent?.replace(/\s+/g, ' ').trim()),
      ).toEqual(['Diplomacy 1', 'Economy 2', 'Environment 1', 'West Asia 3']),
    );
  });

  it('filters by one or several categories, newest first, and resets', async () => {
    const filter = await showHome();
    const economy = await within(filter).findByRole('checkbox', { name: /Economy/ });
    await userEvent.click(economy);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Articles in Economy' }),
    ).toBeInTheDocument();
    expect(location.search).toBe('?c=economy');
    // The list changed under the chip: a keyboard reader is still on it.
    expect(economy).toHaveFocus();
    await expect
      .poll(titles)
      .toEqual(['Notes from a Trade Fair in Tashkent', 'El corredor Norte-Sur gana impulso']);

    await userEvent.click(within(filter).getByRole('checkbox', { name: /Diplomacy/ }));
    await expect.poll(() => location.search).toBe('?c=economy,diplomacy');
    await expect
      .poll(titles)
      .toEqual([
        'Quiet Diplomacy Returns to the Persian Gulf',
        'Notes from a Trade Fair in Tashkent',
        'El corredor Norte-Sur gana impulso',
      ]);

    await userEvent.click(screen.getByRole('button', { name: 'Show all articles' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Latest articles' }),
    ).toBeInTheDocument();
    // The button went with the filter: focus is on the first chip, not lost to the page.
    await waitFor(() => expect(within(filter).getAllByRole('checkbox')[0]).toHaveFocus());
    await expect.poll(() => titles().length).toBe(4);
  });

  it('answers the chip at once and keeps every toggle made before the list follows', async () => {
    const filter = await showHome();
    const economy = await within(filter).findByRole('checkbox', { name: /Economy/ });
    const diplomacy = within(filter).getByRole('checkbox', { name: /Diplomacy/ });
    // Two chips in one go: the second toggle comes before the first one's list is shown.
    economy.click();
    diplomacy.click();
    expect(economy).toBeChecked();
    expect(diplomacy).toBeChecked();
    expect(location.search).toBe('');
    await expect.poll(() => location.search).toBe('?c=economy,diplomacy');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Articles in Economy, Diplomacy' }),
    ).toBeInTheDocument();
    // On and off again before the list follows: nothing to show but everything.
    diplomacy.click();
    diplomacy.click();
    await expect.poll(() => titles().length).toBe(3);
    expect(location.search).toBe('?c=economy,diplomacy');
  });

  it('leaves the reader where they went when they leave Home in the frame of a chip tap', async () => {
    const filter = await showHome();
    const economy = await within(filter).findByRole('checkbox', { name: /Economy/ });
    // The tap's list would follow after the next frame; the reader is on Settings by then.
    economy.click();
    screen.getByRole('link', { name: 'Settings' }).click();
    await afterNextPaint();
    await afterNextPaint();
    expect(location.pathname).toBe('/settings');
    expect(location.search).toBe('');
  });

  it('opens filtered from a shared link', async () => {
    const filter = await showHome('/?c=environment');
    expect(within(filter).getByRole('checkbox', { name: /Environment/ })).toBeChecked();
    await expect.poll(titles).toEqual(['Water Diplomacy on the Helmand River']);
  });

  it('links each category on an article page to the filtered list', async () => {
    await seed(trilingualIndex(), trilingualArticles());
    goTo('/article/parallel-uneven');
    render(App);
    const link = await screen.findByRole('link', { name: 'Environment' });
    expect(link).toHaveAttribute('href', '/?c=environment');
    await userEvent.click(link);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Articles in Environment' }),
    ).toBeInTheDocument();
  });
});
