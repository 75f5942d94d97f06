import { describe, expect, it } from 'vitest';
import { PROGRESSIVE_FROM, renderBody } from '../../../src/lib/render/progressive';
import { sanitizeBody } from '../../../src/lib/render/sanitize';

const BASE = 'https://feed.example/content/articles/long.json';
const paragraph = (i: number) =>
  `<p>Paragraph ${i} with <a href="../x-${i}.html">a link</a> <em>and</em> text.</p>`;

function longBody(extra = ''): string {
  let html = '';
  for (let i = 0; html.length < PROGRESSIVE_FROM + 60_000; i++)
    html += paragraph(i) + (i === 2000 ? extra : '');
  return html;
}

describe('renderBody', () => {
  it('renders a short body in one go, sanitised', async () => {
    const target = document.createElement('div');
    await renderBody(target, '<p onclick="x()">Hi <script>x()</script></p>', BASE);
    expect(target.innerHTML).toBe('<p>Hi </p>');
  });

  it('renders a long body in chunks to exactly what sanitising it at once gives', async () => {
    const html = longBody('<img src=x onerror=alert(1)><script>window.x=1</script>Loose text');
    const target = document.createElement('div');
    await renderBody(target, html, BASE);
    const whole = document.createElement('div');
    whole.innerHTML = sanitizeBody(html, BASE);
    expect(target.innerHTML).toBe(whole.innerHTML);
    expect(target.querySelector('script, [onerror]')).toBeNull();
    expect(target.querySelectorAll('p').length).toBeGreaterThan(2000);
    expect(target.querySelector('a')?.getAttribute('href')).toBe(
      'https://feed.example/content/x-0.html',
    );
  }, 30_000);

  it('keeps a long WordPress body’s block comments hidden and its escaped text as text', async () => {
    // Every WordPress body wraps its blocks in comments; loose text may hold escaped markup.
    let html = '';
    for (let i = 0; html.length < PROGRESSIVE_FROM + 5_000; i++) {
      html += `<!-- wp:paragraph -->\n${paragraph(i)}\n<!-- /wp:paragraph -->\n`;
      if (i === 10) html += 'Type &lt;b&gt;bold&lt;/b&gt; &amp; see.';
    }
    const target = document.createElement('div');
    await renderBody(target, html, BASE);
    expect(target.textContent).not.toContain('wp:paragraph');
    expect(target.querySelector('b')).toBeNull();
    expect(target.textContent).toContain('Type <b>bold</b> & see.');
    // Every block is there (about 1,600 at this size).
    expect(target.querySelectorAll('p').length).toBe(
      html.split('<!-- wp:paragraph -->').length - 1,
    );
  }, 30_000);

  it('stops when told to, leaving what was in', async () => {
    const target = document.createElement('div');
    const stop = new AbortController();
    const rendering = renderBody(target, longBody(), BASE, stop.signal);
    stop.abort();
    await rendering;
    const whole = document.createElement('div');
    whole.innerHTML = sanitizeBody(longBody(), BASE);
    expect(target.childElementCount).toBeGreaterThan(0);
    expect(target.childElementCount).toBeLessThan(whole.childElementCount);
  }, 30_000);
});
