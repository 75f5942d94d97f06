import { describe, expect, it } from 'vitest';
import { composeFirstScreen, isHome } from '../../../src/lib/shell/first-screen';
import { firstScreenMarkup } from '../../../src/lib/state/first-screen';

const SHELL = `<!doctype html>
<html lang="en" dir="ltr">
  <head><script type="module" crossorigin src="/assets/index-abc.js"></script></head>
  <body>
    <div id="app"></div>
  </body>
</html>`;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function homeWith(cards: string, extra = ''): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `<header>Folio</header>${extra}<main id="main"><h1>Latest articles</h1>${cards}</main>`;
  return root;
}

const card = (at: number, title: string) =>
  `<article class="card" aria-posinset="${at}"><h2>${title}</h2></article>`;

describe('composeFirstScreen', () => {
  it('puts the markup inside #app, marked as the saved copy, and keeps the rest of the shell', () => {
    const html = composeFirstScreen(SHELL, card(1, 'First'), 'en', 'ltr');
    expect(html).not.toBeNull();
    const doc = parse(html ?? '');
    const saved = doc.querySelector('#app > [data-first-screen]');
    expect(saved?.querySelector('article.card h2')?.textContent).toBe('First');
    expect(doc.querySelector('script[type="module"]')?.getAttribute('src')).toBe(
      '/assets/index-abc.js',
    );
  });

  it('says the language and direction it was painted in', () => {
    const doc = parse(composeFirstScreen(SHELL, card(1, 'نخست'), 'fa', 'rtl') ?? '');
    expect(doc.documentElement.lang).toBe('fa');
    expect(doc.documentElement.dir).toBe('rtl');
  });

  it('cannot be broken out of by the language it is given', () => {
    const doc = parse(composeFirstScreen(SHELL, '', 'en" onload="alert(1)', 'ltr') ?? '');
    expect(doc.documentElement.getAttribute('onload')).toBeNull();
    expect(doc.documentElement.lang).toBe('en" onload="alert(1)');
  });

  it('leaves a shell it does not know alone', () => {
    expect(composeFirstScreen('<html><body><main></main></body></html>', 'x', 'en', 'ltr')).toBe(
      null,
    );
  });
});

describe('firstScreenMarkup', () => {
  it('copies Home from its first card, without the parts that belong to one moment', () => {
    const root = homeWith(
      card(1, 'First') + card(2, 'Second'),
      '<div data-not-in-first-screen>New version available</div>' +
        '<div class="status" data-blank-in-first-screen>Up to date · updated now</div>',
    );
    const doc = parse(`<div id="copy">${firstScreenMarkup(root) ?? ''}</div>`);
    const copy = doc.getElementById('copy');
    expect(
      [...(copy?.querySelectorAll('article.card h2') ?? [])].map((h) => h.textContent),
    ).toEqual(['First', 'Second']);
    expect(copy?.textContent).not.toContain('New version available');
    const status = copy?.querySelector<HTMLElement>('.status');
    expect(status?.style.visibility).toBe('hidden');
    // The page itself is not changed by being copied.
    expect(root.textContent).toContain('New version available');
    expect(root.querySelector<HTMLElement>('.status')?.style.visibility).toBe('');
  });

  it('keeps article text as text: a title that looks like markup stays words', () => {
    const root = homeWith('');
    const article = document.createElement('article');
    article.className = 'card';
    article.setAttribute('aria-posinset', '1');
    const heading = document.createElement('h2');
    heading.textContent = '<img src=x onerror="alert(1)">';
    article.append(heading);
    root.querySelector('main')?.append(article);
    const doc = parse(`<div id="copy">${firstScreenMarkup(root) ?? ''}</div>`);
    expect(doc.querySelector('#copy img')).toBeNull();
    expect(doc.querySelector('#copy article h2')?.textContent).toBe(
      '<img src=x onerror="alert(1)">',
    );
  });

  it('is nothing while the list is scrolled past its first card, a dialog is open, or there are no cards', () => {
    expect(firstScreenMarkup(homeWith(card(31, 'Later')))).toBeNull();
    expect(firstScreenMarkup(homeWith(card(1, 'First'), '<dialog open>Help</dialog>'))).toBeNull();
    expect(firstScreenMarkup(homeWith('<p>No articles yet</p>'))).toBeNull();
  });

  it('never copies a saved copy into the next one', () => {
    const root = homeWith(card(1, 'Live'), '<div data-first-screen>' + card(1, 'Old') + '</div>');
    const markup = firstScreenMarkup(root) ?? '';
    expect(markup).toContain('Live');
    expect(markup).not.toContain('Old');
  });
});

describe('isHome', () => {
  const scope = 'https://folio.example/reader/';
  it('is Home with nothing chosen, under the app’s scope', () => {
    expect(isHome(new URL('https://folio.example/reader/'), scope)).toBe(true);
    expect(isHome(new URL('https://folio.example/reader/index.html'), scope)).toBe(true);
  });
  it('is not a filtered Home, another page, or another origin', () => {
    expect(isHome(new URL('https://folio.example/reader/?category=opinion'), scope)).toBe(false);
    expect(isHome(new URL('https://folio.example/reader/bookmarks'), scope)).toBe(false);
    expect(isHome(new URL('https://other.example/reader/'), scope)).toBe(false);
  });
});
