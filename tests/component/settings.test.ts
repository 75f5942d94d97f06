import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from '../../src/App.svelte';
import { locale } from '../../src/lib/state/locale.svelte';
import { olderPages } from '../../src/lib/state/older-pages.svelte';
import { preferences } from '../../src/lib/state/preferences.svelte';
import { storage } from '../../src/lib/state/storage.svelte';
import { goTo } from './helpers';

const root = document.documentElement;

function storedPrefs(): unknown {
  return JSON.parse(localStorage.getItem('folio:prefs') ?? 'null');
}

/**
 * The settings page is a chunk of its own: waits until it has rendered, and until the storage
 * reads its sections start on mount are done, so that none is cut off by the teardown closing
 * the database.
 */
async function openSettings() {
  const reads = [vi.spyOn(storage, 'refresh'), vi.spyOn(olderPages, 'readSetting')];
  goTo('/settings');
  const view = render(App);
  await screen.findAllByRole('radio');
  await waitFor(() => reads.forEach((read) => expect(read).toHaveBeenCalled()));
  await Promise.all(reads.flatMap((read) => read.mock.results.map((result) => result.value)));
  return view;
}

// The pages are chunks loaded on demand: compiled here once, not inside the first test's time.
beforeAll(async () => {
  await Promise.all([
    import('../../src/routes/SettingsPage.svelte'),
    import('../../src/routes/Home.svelte'),
    import('../../src/lib/i18n/messages/es'),
    import('../../src/lib/i18n/messages/fa'),
  ]);
}, 30_000);
beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.restoreAllMocks();
  // The singleton outlives a test: back to the defaults, on <html> too.
  preferences.setTheme('system');
  preferences.setTextSize('medium');
  localStorage.clear();
});

describe('Settings: theme', () => {
  it('offers Light, Dark and Same as system, following the system by default', async () => {
    await openSettings();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'Theme' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['light', 'dark', 'system']);
    expect(within(group).getByRole('radio', { name: 'Same as system' })).toBeChecked();
    expect(root).not.toHaveAttribute('data-theme');
  });

  it('applies Dark to <html> at once and remembers it', async () => {
    await openSettings();
    await fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(storedPrefs()).toEqual({ theme: 'dark', textSize: 'medium' });

    await fireEvent.click(screen.getByRole('radio', { name: 'Light' }));
    expect(root).toHaveAttribute('data-theme', 'light');
  });

  it('leaves the choice to the system again with Same as system', async () => {
    await openSettings();
    await fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await fireEvent.click(screen.getByRole('radio', { name: 'Same as system' }));
    expect(root).not.toHaveAttribute('data-theme');
    expect(storedPrefs()).toEqual({ theme: 'system', textSize: 'medium' });
  });

  it('follows a theme chosen in another tab', async () => {
    await openSettings();
    localStorage.setItem('folio:prefs', JSON.stringify({ theme: 'dark', textSize: 'large' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'folio:prefs' }));
    expect(await screen.findByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Large' })).toBeChecked();
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(root).toHaveAttribute('data-text-size', 'large');
  });
});

describe('Settings: text size', () => {
  it('offers four sizes, Standard by default', async () => {
    await openSettings();
    const group = screen.getByRole('group', { name: 'Text size' });
    expect(within(group).getAllByRole('radio')).toHaveLength(4);
    expect(within(group).getByRole('radio', { name: 'Standard' })).toBeChecked();
    expect(root).not.toHaveAttribute('data-text-size');
  });

  it('scales the text of the whole app and remembers the size', async () => {
    await openSettings();
    await fireEvent.click(screen.getByRole('radio', { name: 'Larger' }));
    expect(screen.getByRole('radio', { name: 'Larger' })).toBeChecked();
    expect(root).toHaveAttribute('data-text-size', 'larger');
    expect(storedPrefs()).toEqual({ theme: 'system', textSize: 'larger' });

    await fireEvent.click(screen.getByRole('radio', { name: 'Standard' }));
    expect(root).not.toHaveAttribute('data-text-size');
  });

  it('speaks the reader’s language', async () => {
    locale.choose('es');
    try {
      await openSettings();
      // Spanish strings are a chunk of their own too.
      expect(await screen.findByRole('group', { name: 'Tamaño del texto' })).toBeInTheDocument();
      expect(screen.getByRole('radio', { name: 'Igual que el sistema' })).toBeChecked();
    } finally {
      locale.choose('en');
    }
  });
});

describe('Settings: numbers', () => {
  // The background crawl's cap is 10000 articles: shown as the reader's language writes it.
  it('writes a large number as the reader’s language does', async () => {
    await openSettings();
    const older = screen.getByRole('switch', { name: 'Save older pages in the background' });
    expect(older).toHaveAccessibleDescription(/^Lists up to 10,000 older articles/);
    expect(screen.queryByText(/10000/)).not.toBeInTheDocument();
  });

  it.each([
    ['es', 'Guardar páginas anteriores en segundo plano', 'hasta 10.000 artículos'],
    ['fa', 'ذخیرهٔ صفحه‌های قدیمی‌تر در پس‌زمینه', 'حداکثر ۱۰٬۰۰۰ مطلب'],
  ])('in %s too', async (lang, name, cap) => {
    locale.choose(lang);
    try {
      await openSettings();
      const older = await screen.findByRole('switch', { name });
      expect(older).toHaveAccessibleDescription(expect.stringContaining(cap));
    } finally {
      locale.choose('en');
    }
  });
});
