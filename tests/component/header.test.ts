import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { locale } from '../../src/lib/state/locale.svelte';
import { indexPage, summary } from '../fixtures/feed';
import { seed } from './helpers';

afterEach(() => {
  localStorage.clear();
  locale.followFeed();
});

beforeAll(async () => {
  await Promise.all([
    import('../../src/routes/Home.svelte'),
    import('../../src/lib/i18n/messages/fa'),
  ]);
}, 30_000);

async function openHome(): Promise<void> {
  await seed(indexPage([summary('one')]));
  render(App);
  await screen.findByRole('heading', { level: 2, name: 'Title one' });
}

describe('Site header', () => {
  it('opens its menu from a named button and closes it with Escape, focus back on the button', async () => {
    await openHome();
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    const panel = document.getElementById(menu.getAttribute('aria-controls') ?? '');
    if (!panel) throw new Error('the menu button controls no element');
    expect(within(panel).getByRole('link', { name: 'Bookmarks' })).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: 'Settings' })).toBeInTheDocument();
    expect(within(panel).getByRole('combobox', { name: 'Language' })).toBeInTheDocument();

    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(panel).toHaveClass('open');
    await userEvent.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();

    // A tap outside the open menu closes it too.
    await userEvent.click(menu);
    await userEvent.click(screen.getByRole('heading', { level: 1 }));
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens the search field from its button, focused, with a visible placeholder', async () => {
    await openHome();
    const open = screen.getByRole('button', { name: 'Search', expanded: false });
    await userEvent.click(open);
    const field = screen.getByRole('searchbox', { name: 'Search saved articles' });
    expect(open).toHaveAttribute('aria-expanded', 'true');
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('placeholder', 'Search saved articles');
    await userEvent.keyboard('{Escape}');
    expect(open).toHaveAttribute('aria-expanded', 'false');
    expect(open).toHaveFocus();
  });

  it('offers the interface in a language the feed lacks, keeping the articles in theirs', async () => {
    await openHome();
    const switcher = screen.getByRole('combobox', { name: 'Language' });
    const interfaceOnly = within(switcher).getByRole('group', { name: 'Menus and messages only' });
    expect(within(interfaceOnly).getByRole('option', { name: 'فارسی' })).toHaveValue('fa');

    await userEvent.selectOptions(switcher, 'fa');
    expect(await screen.findByRole('heading', { level: 1, name: 'تازه‌ترین مطالب' })).toBeVisible();
    expect(document.documentElement).toHaveAttribute('lang', 'fa');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    // The feed has no Persian: its articles stay in English, marked as such, with no notice.
    const title = screen.getByRole('heading', { level: 2, name: 'Title one' });
    expect(title).toHaveAttribute('lang', 'en');
    expect(title).toHaveAttribute('dir', 'ltr');
    expect(screen.getByRole('combobox', { name: 'زبان' })).toHaveValue('fa');
    expect(localStorage.getItem('folio:lang')).toBe('fa');
  });
});
