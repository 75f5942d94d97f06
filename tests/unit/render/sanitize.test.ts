import { describe, expect, it } from 'vitest';
import { sanitizeBody } from '../../../src/lib/render/sanitize';

const ARTICLE = 'https://feed.example/content/articles/one.json';

function render(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = sanitizeBody(html, ARTICLE);
  return host;
}

describe('sanitizeBody', () => {
  it('keeps formatting, lists, quotes, tables, figures, and dir/lang', () => {
    const host = render(
      '<h2>H</h2><p dir="rtl" lang="fa">متن <strong>b</strong> <em>i</em></p><ul><li>x</li></ul>' +
        '<blockquote>q</blockquote><table><tr><td>c</td></tr></table>' +
        '<figure><img src="../media/a.jpg" alt="A"><figcaption>cap</figcaption></figure>',
    );
    expect(host.querySelector('p')?.getAttribute('dir')).toBe('rtl');
    expect(host.querySelector('p')?.getAttribute('lang')).toBe('fa');
    expect(
      host.querySelectorAll('h2, strong, em, ul, li, blockquote, table, td, figure').length,
    ).toBe(9);
    expect(host.querySelector('img')?.getAttribute('src')).toBe(
      'https://feed.example/content/media/a.jpg',
    );
    expect(host.querySelector('img')?.getAttribute('loading')).toBe('lazy');
  });

  it('drops scripts, handlers, styles, forms, frames and javascript: links', () => {
    const host = render(
      '<script>x()</script><p onclick="x()" style="position:fixed" class="skip-link" id="app">t</p>' +
        '<form action="/x"><input></form><iframe src="/x"></iframe><object data="/x"></object>' +
        '<a href="javascript:alert(1)">j</a><style>*{}</style>',
    );
    expect(
      host.querySelector(
        'script, form, input, iframe, object, style, [onclick], [style], [class], [id]',
      ),
    ).toBeNull();
    expect(host.querySelector('a')?.hasAttribute('href')).toBe(false);
  });

  it('opens links in a new tab without an opener, resolved against the article file', () => {
    const link = render('<a href="other.html">o</a>').querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://feed.example/content/articles/other.html');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('loads images only from the feed or the app, never from a third party', () => {
    const host = render(
      '<img src="https://feed.example/a.png" alt="feed"><img src="/local.png" alt="app">' +
        '<img src="https://evil.example/pixel.gif" alt="third"><img src="data:image/png;base64,AA" alt="data">',
    );
    const sources = [...host.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual([
      'https://feed.example/a.png',
      'https://feed.example/local.png',
      null,
      null,
    ]);
    // A link to a third party stays: it only goes there when followed.
    expect(
      render('<a href="https://elsewhere.example/">e</a>').querySelector('a')?.getAttribute('href'),
    ).toBe('https://elsewhere.example/');
  });
});
