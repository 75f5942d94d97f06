import { describe, expect, it } from 'vitest';
import {
  composeFirstScreen,
  isHome,
  stylesheetsOf,
  type PaintedHome,
} from '../../../src/lib/shell/first-screen';
import { firstScreenMarkup } from '../../../src/lib/shell/first-screen-saver';

const SHELL = `<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <script data-root-preferences>document.documentElement.dataset.theme = 'dark';</script>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-abc.css">
    <link rel="stylesheet" crossorigin href="/assets/app-abc.css">
  </head>
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

/** Home as painted, with no preferences set and no stylesheet text known. */
const home = (markup: string, lang = 'en', dir: 'ltr' | 'rtl' = 'ltr'): PaintedHome => ({
  markup,
  lang,
  dir,
  rootData: {},
  styles: new Map(),
});

describe('composeFirstScreen', () => {
  it('puts the markup inside #app, marked as the saved copy, and keeps the rest of the shell', () => {
    const html = composeFirstScreen(SHELL, home(card(1, 'First')));
    expect(html).not.toBeNull();
    const doc = parse(html ?? '');
    const saved = doc.querySelector('#app > [data-first-screen]');
    expect(saved?.querySelector('article.card h2')?.textContent).toBe('First');
    expect(doc.querySelector('script[type="module"]')?.getAttribute('src')).toBe(
      '/assets/index-abc.js',
    );
  });

  it('says the language and direction it was painted in', () => {
    const doc = parse(composeFirstScreen(SHELL, home(card(1, 'نخست'), 'fa', 'rtl')) ?? '');
    expect(doc.documentElement.lang).toBe('fa');
    expect(doc.documentElement.dir).toBe('rtl');
  });

  it('cannot be broken out of by the language it is given', () => {
    const doc = parse(composeFirstScreen(SHELL, home('', 'en" onload="alert(1)')) ?? '');
    expect(doc.documentElement.getAttribute('onload')).toBeNull();
    expect(doc.documentElement.lang).toBe('en" onload="alert(1)');
  });

  it('leaves a shell it does not know alone', () => {
    expect(composeFirstScreen('<html><body><main></main></body></html>', home('x'))).toBe(null);
  });

  it('carries the preferences it was painted with instead of the script that reads them', () => {
    const html = composeFirstScreen(SHELL, {
      ...home(card(1, 'First')),
      rootData: { 'data-theme': 'dark', 'data-text-size': 'large', 'onclick="x" data-a': '1' },
    });
    const doc = parse(html ?? '');
    expect({ ...doc.documentElement.dataset }).toEqual({ theme: 'dark', textSize: 'large' });
    expect(doc.documentElement.getAttribute('onclick')).toBeNull();
    expect(doc.querySelector('script[data-root-preferences]')).toBeNull();
    expect(doc.querySelector('script[type="module"]')).not.toBeNull();
  });

  it('writes the stylesheets it knows into the page, and leaves their links disabled', () => {
    const html = composeFirstScreen(SHELL, {
      ...home(card(1, 'First')),
      styles: new Map([['/assets/index-abc.css', 'body { margin: 0 }']]),
    });
    const doc = parse(html ?? '');
    expect([...doc.querySelectorAll('style')].map((style) => style.textContent)).toEqual([
      'body { margin: 0 }',
    ]);
    const links = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
    expect(links.map((link) => [link.getAttribute('href'), link.hasAttribute('disabled')])).toEqual(
      [
        ['/assets/index-abc.css', true],
        ['/assets/app-abc.css', false],
      ],
    );
  });

  it('keeps the link of a stylesheet whose text would close its style element', () => {
    const html = composeFirstScreen(SHELL, {
      ...home(card(1, 'First')),
      styles: new Map([['/assets/app-abc.css', 'a::after { content: "</style><script>" }']]),
    });
    const doc = parse(html ?? '');
    expect(doc.querySelector('style')).toBeNull();
    expect(doc.querySelector('script:not([src])')).toBeNull();
    expect(doc.querySelector('link[href="/assets/app-abc.css"]')?.hasAttribute('disabled')).toBe(
      false,
    );
  });
});

describe('stylesheetsOf', () => {
  it('lists the shell’s stylesheets in order', () => {
    expect(stylesheetsOf(SHELL)).toEqual(['/assets/index-abc.css', '/assets/app-abc.css']);
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
