import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { locale } from '../../src/lib/state/locale.svelte';
import { trilingualArticles, trilingualIndex } from '../fixtures/trilingual';
import { indexPage, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

afterEach(() => {
  localStorage.clear();
  locale.followFeed();
});

async function open(path: string) {
  await seed(trilingualIndex(), trilingualArticles());
  goTo(path);
  render(App);
}

// The pages and the UI languages are chunks loaded on demand: compiled here once, not inside
// the first test's time.
beforeAll(async () => {
  await Promise.all([
    import('../../src/routes/Home.svelte'),
    import('../../src/routes/ArticlePage.svelte'),
    import('../../src/lib/i18n/messages/es'),
    import('../../src/lib/i18n/messages/fa'),
  ]);
}, 30_000);

describe('Languages', () => {
  it('offers the feed languages in a control named "Language" and switches UI and content', async () => {
    await open('/');
    const switcher = screen.getByRole('combobox', { name: 'Language' });
    expect(
      within(switcher)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['English', 'Español', 'فارسی']);
    await userEvent.selectOptions(switcher, 'es');
    // Spanish UI strings are a chunk of their own, loaded on the switch.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Últimos artículos' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'La diplomacia discreta vuelve al golfo Pérsico' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Idioma' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'es');
    expect(localStorage.getItem('folio:lang')).toBe('es');
  });

  it('follows the last of several quick language changes', async () => {
    await open('/');
    const switcher = screen.getByRole('combobox', { name: 'Language' });
    // Arrow keys on a focused select: one change event per step, before the page has followed.
    fireEvent.change(switcher, { target: { value: 'es' } });
    fireEvent.change(switcher, { target: { value: 'fa' } });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'تازه‌ترین مطالب' }),
    ).toBeInTheDocument();
    expect(localStorage.getItem('folio:lang')).toBe('fa');
  });

  it('sets dir="rtl" for Persian on the page and on the content, with Persian UI strings', async () => {
    await open('/');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fa');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'تازه‌ترین مطالب' }),
    ).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'fa');
    const title = screen.getByRole('heading', {
      level: 2,
      name: 'بازگشت دیپلماسی آرام به خلیج فارس',
    });
    expect(title).toHaveAttribute('lang', 'fa');
    expect(title).toHaveAttribute('dir', 'rtl');
    // A card without Persian says which language it shows instead.
    const english = screen.getByRole('article', { name: 'Notes from a Trade Fair in Tashkent' });
    expect(within(english).getByText('English')).toBeInTheDocument();
    expect(within(english).getByRole('heading', { level: 2 })).toHaveAttribute('dir', 'ltr');
  });

  it('opens a shared link in the language it carries, and remembers it', async () => {
    await open('/?lang=es');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Últimos artículos' }),
    ).toBeInTheDocument();
    expect(localStorage.getItem('folio:lang')).toBe('es');
  });

  it('falls back with a notice when the article lacks the chosen language', async () => {
    await open('/article/english-only?lang=es');
    expect(
      await screen.findByText('No disponible en Español: se muestra en English'),
    ).toBeInTheDocument();
    const heading = screen.getByRole('heading', {
      level: 1,
      name: 'Notes from a Trade Fair in Tashkent',
    });
    expect(heading.closest('header')).toHaveAttribute('lang', 'en');
  });

  it('falls back to the first feed language the article has when there is no default', async () => {
    await open('/article/fa-es');
    // English is the default but the article has only Persian and Spanish: Spanish comes first in the feed.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'El corredor Norte-Sur gana impulso' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Not available in English — showing Español')).toBeInTheDocument();
  });

  it("offers the article's other languages directly", async () => {
    await open('/article/parallel-all');
    const persian = await screen.findByRole('link', { name: 'فارسی' });
    expect(persian).toHaveAttribute('href', '/article/parallel-all?lang=fa');
    await userEvent.click(persian);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'بازگشت دیپلماسی آرام به خلیج فارس' }),
    ).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
  });

  it('shows English UI strings for a feed language the UI has no strings for', async () => {
    const languages = [
      { code: 'en', name: 'English' },
      { code: 'de', name: 'Deutsch' },
    ];
    await seed(
      indexPage(
        [summary('x', { translations: { en: { title: 'Hello' }, de: { title: 'Hallo' } } })],
        {
          languages,
        },
      ),
    );
    goTo('/?lang=de');
    render(App);
    expect(await screen.findByRole('link', { name: 'Hallo' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Latest articles' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'de');
  });
});
