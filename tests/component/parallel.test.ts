import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { seed } from './helpers';
import { LOAD, leadOf, open, paragraphsOf, seedTrilingual, titleOf } from './parallel-fixture';

/** The language column of the wide view: a region named by the language. */
const column = (name: string) => screen.getByRole('region', { name });

/** The tap-to-reveal counterpart a disclosure button controls. */
function counterpartOf(button: HTMLElement): HTMLElement {
  const target = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!target) throw new Error('the disclosure controls no element');
  return target;
}

describe('Side by side: English beside Persian', () => {
  it('shows both texts in columns with their own lang and dir, paragraph by paragraph', async () => {
    await seedTrilingual();
    open('/article/parallel-all/parallel?a=en&b=fa');
    const heading = await screen.findByRole(
      'heading',
      {
        level: 1,
        name: titleOf('parallel-all', 'en'),
      },
      LOAD,
    );
    expect(heading).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('link', { name: 'Back to the article' })).toHaveAttribute(
      'href',
      '/article/parallel-all',
    );

    const english = column('English');
    const persian = column('فارسی');
    expect(english).toHaveAttribute('lang', 'en');
    expect(english).toHaveAttribute('dir', 'ltr');
    expect(persian).toHaveAttribute('lang', 'fa');
    expect(persian).toHaveAttribute('dir', 'rtl');
    const shown = (region: HTMLElement) =>
      within(region)
        .getAllByRole('paragraph')
        .map((p) => p.textContent);
    // Each language's lead opens its column, in its row, then the body paragraph by paragraph.
    expect(shown(english)).toEqual([
      leadOf('parallel-all', 'en'),
      ...paragraphsOf('parallel-all', 'en'),
    ]);
    expect(shown(persian)).toEqual([
      leadOf('parallel-all', 'fa'),
      ...paragraphsOf('parallel-all', 'fa'),
    ]);
    // The second language's own title stands under the first's.
    expect(screen.getByText(titleOf('parallel-all', 'fa'))).toHaveAttribute('lang', 'fa');
    expect(screen.queryByText(/do not match one to one/)).toBeNull();
  });

  it('defaults to the reader language beside the next one, and the pickers change the URL', async () => {
    await seedTrilingual();
    open('/article/parallel-all/parallel');
    await screen.findByRole('heading', { level: 1, name: titleOf('parallel-all', 'en') }, LOAD);
    const first = screen.getByRole('combobox', { name: 'First language' });
    const second = screen.getByRole('combobox', { name: 'Second language' });
    expect(first).toHaveValue('en');
    expect(second).toHaveValue('es');
    expect(
      within(second)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['English', 'Español', 'فارسی']);

    await userEvent.selectOptions(second, 'fa');
    expect(new URLSearchParams(window.location.search).get('b')).toBe('fa');
    expect(await screen.findByRole('region', { name: 'فارسی' })).toHaveAttribute('dir', 'rtl');
    expect(screen.queryByRole('region', { name: 'Español' })).toBeNull();
    expect(second).toHaveFocus();

    // Picking the other side's language swaps the two.
    await userEvent.selectOptions(first, 'fa');
    expect(window.location.search).toBe('?a=fa&b=en');
    expect(
      await screen.findByRole('heading', { level: 1, name: titleOf('parallel-all', 'fa') }),
    ).toHaveAttribute('dir', 'rtl');
  });

  it('stacks each text in full, with a note, when the paragraph counts differ', async () => {
    await seedTrilingual();
    open('/article/parallel-uneven/parallel?a=en&b=fa');
    expect(
      await screen.findByText(
        'The paragraphs in \u2068English\u2069 (3) and \u2068فارسی\u2069 (2) do not match one to one, so each text is shown in full, in order.',
        {},
        LOAD,
      ),
    ).toBeInTheDocument();
    // Each text in full after its own lead; the note counts the bodies' paragraphs only.
    expect(within(column('English')).getAllByRole('paragraph')).toHaveLength(4);
    expect(within(column('فارسی')).getAllByRole('paragraph')).toHaveLength(3);
    expect(within(column('فارسی')).getAllByRole('paragraph')[0]).toHaveTextContent(
      leadOf('parallel-uneven', 'fa'),
    );
    // Nothing to pair, so no paragraph offers a counterpart.
    expect(screen.queryByRole('button', { name: /^Paragraph \d/ })).toBeNull();
  });

  it('shows an article without English in its first feed language beside the other', async () => {
    await seedTrilingual();
    open('/article/fa-es/parallel');
    expect(
      await screen.findByRole('heading', { level: 1, name: titleOf('fa-es', 'es') }, LOAD),
    ).toHaveAttribute('lang', 'es');
    expect(column('فارسی')).toHaveAttribute('dir', 'rtl');
  });
});

describe('Side by side: tap to reveal (narrow screens)', () => {
  it('reveals a paragraph’s counterpart by its button, by keyboard and by a tap on it', async () => {
    await seedTrilingual();
    open('/article/parallel-all/parallel?a=en&b=fa');
    const persian = paragraphsOf('parallel-all', 'fa');
    const second = await screen.findByRole('button', { name: 'Paragraph 2 in فارسی' }, LOAD);
    const revealed = counterpartOf(second);
    expect(second).toHaveAttribute('aria-expanded', 'false');
    expect(revealed).not.toBeVisible();
    expect(revealed).toHaveAttribute('lang', 'fa');
    expect(revealed).toHaveAttribute('dir', 'rtl');
    expect(revealed).toHaveTextContent(persian[1] ?? '');

    await userEvent.click(second);
    expect(second).toHaveAttribute('aria-expanded', 'true');
    expect(revealed).toBeVisible();
    await userEvent.click(second);
    expect(revealed).not.toBeVisible();

    // The lead has its counterpart too, named as the lead.
    const lead = screen.getByRole('button', { name: 'The lead in فارسی' });
    await userEvent.click(lead);
    expect(counterpartOf(lead)).toHaveTextContent(leadOf('parallel-all', 'fa'));

    const first = screen.getByRole('button', { name: 'Paragraph 1 in فارسی' });
    first.focus();
    await userEvent.keyboard('{Enter}');
    expect(first).toHaveAttribute('aria-expanded', 'true');
    expect(counterpartOf(first)).toBeVisible();
    await userEvent.keyboard(' ');
    expect(first).toHaveAttribute('aria-expanded', 'false');

    // A tap on the paragraph itself (the copy in the one-column view, not in a column).
    const english = paragraphsOf('parallel-all', 'en')[3] ?? '';
    const paragraph = screen.getAllByText(english).find((p) => !p.closest('section'));
    if (!paragraph) throw new Error('the one-column view does not show the paragraph');
    const fourth = screen.getByRole('button', { name: 'Paragraph 4 in فارسی' });
    await userEvent.click(paragraph);
    expect(fourth).toHaveAttribute('aria-expanded', 'true');
    expect(counterpartOf(fourth)).toHaveTextContent(persian[3] ?? '');
  });

  it('lets a link in a paragraph be followed without toggling, and sanitises both texts', async () => {
    const languages = [
      { code: 'en', name: 'English', dir: 'ltr' },
      { code: 'fa', name: 'فارسی', dir: 'rtl' },
    ];
    const translations = { en: { title: 'Linked' }, fa: { title: 'پیوند' } };
    await seed(indexPage([summary('linked', { translations })], { languages }), [
      articleFile('linked', {
        translations: {
          en: {
            title: 'Linked',
            body: '<p>See <a href="../more.html">more</a></p><p onclick="x()">Two<script>bad()</script></p>',
          },
          fa: {
            title: 'پیوند',
            body: '<p>یک</p><p>دو<iframe src="https://e.example"></iframe></p>',
          },
        },
      }),
    ]);
    const { container } = open('/article/linked/parallel');
    const button = await screen.findByRole('button', { name: 'Paragraph 1 in فارسی' }, LOAD);
    const links = screen.getAllByRole('link', { name: 'more' });
    expect(links[0]).toHaveAttribute('href', 'https://feed.example/content/more.html');
    const inReveal = links.find((link) => !link.closest('section'));
    if (!inReveal) throw new Error('the one-column view does not show the link');
    inReveal.addEventListener('click', (event) => event.preventDefault());
    await userEvent.click(inReveal);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(container.querySelector('script, iframe, [onclick]')).toBeNull();
  });
});
