// @vitest-environment node
// What a real WordPress + Polylang site sends that the first fixture did not (issue 14): posts
// without a language, bylines with full stops, per-language category names, automatic
// excerpts, comments, featured images, protected posts, Persian-only slugs, capped pages.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchCollection } from '../../scripts/lib/wordpress-fetch.mjs';
import { copyImages, mediaName } from '../../scripts/lib/wordpress-images.mjs';
import { convertPosts } from '../../scripts/lib/wordpress.mjs';
import { liftFromBody } from '../../scripts/lib/wordpress-text.mjs';

interface Term {
  id: number;
  slug: string;
  name: string;
  taxonomy: 'category';
  lang?: string;
  translations?: Record<string, number>;
}

let nextId = 100;
function post(fields: Record<string, unknown> & { terms?: Term[]; media?: object }) {
  const { terms = [], media, ...rest } = fields;
  const id = typeof rest.id === 'number' ? rest.id : nextId++;
  return {
    id,
    date_gmt: '2024-05-01T08:00:00',
    modified_gmt: '2024-05-01T08:00:00',
    slug: `post-number-${id}`,
    status: 'publish',
    title: { rendered: `Post ${id}` },
    content: { rendered: '<p>Body.</p>', protected: false },
    excerpt: { rendered: '' },
    lang: 'en',
    comment_status: 'closed',
    _embedded: {
      author: [{ name: 'Site Editor' }],
      'wp:term': [terms],
      ...(media ? { 'wp:featuredmedia': [media] } : {}),
    },
    ...rest,
  };
}

/** The converter's output, as far as these tests read it (its JSDoc says only `object`). */
interface Converted {
  pages: {
    languages?: unknown;
    categories?: unknown;
    articles: { translations: Record<string, { excerpt?: string }> }[];
  }[];
  articles: {
    id: string;
    categories: string[];
    translations: Record<string, { title: string; image?: unknown }>;
    comments?: unknown;
  }[];
}

const convert = (posts: object[], options: object = {}): Converted =>
  convertPosts(posts, options) as unknown as Converted;

describe('feed:from-wordpress on what a real site sends', () => {
  it('gives a post without a language (written before Polylang) the site’s default language', () => {
    const feed = convert([post({ lang: 'en' }), post({ lang: false, translations: false })]);
    expect(feed.articles).toHaveLength(2);
    expect(feed.articles.every((article) => Object.keys(article.translations)[0] === 'en')).toBe(
      true,
    );
    expect(feed.pages[0]?.languages).toEqual([{ code: 'en', name: 'English', dir: 'ltr' }]);
  });

  it('lifts a byline whose name or role holds a full stop', () => {
    const top = '<p>Strategic Council Online &#8211; Interview: The lead.</p>';
    expect(
      liftFromBody(`${top}<p>Dr. Ali Bigdeli &#8211; Expert on energy affairs</p><p>Body</p>`),
    ).toMatchObject({ author: { name: 'Dr. Ali Bigdeli', role: 'Expert on energy affairs' } });
    expect(
      liftFromBody(`${top}<p>Kamran Karami &#8211; Expert on U.S. affairs</p><p>Body</p>`),
    ).toMatchObject({ author: { name: 'Kamran Karami', role: 'Expert on U.S. affairs' } });
    // Two sentences are a paragraph of the body, not a byline.
    const prose = '<p>The deal &#8211; signed in 2020. Then it fell apart</p>';
    expect(liftFromBody(`${top}${prose}`).author).toBeUndefined();
  });

  it('names each category in Persian from Polylang’s term translations, not by position', () => {
    // Each language's terms come sorted by name: Persian "اقتصاد" (economy) before "سیاسی".
    const political = {
      id: 3,
      slug: 'political',
      name: 'Political',
      taxonomy: 'category' as const,
    };
    const economy = { id: 4, slug: 'economy', name: 'Economy', taxonomy: 'category' as const };
    const tr = { en3: { en: 3, fa: 13 }, en4: { en: 4, fa: 14 } };
    const en = [
      { ...economy, lang: 'en', translations: tr.en4 },
      { ...political, lang: 'en', translations: tr.en3 },
    ];
    const fa: Term[] = [
      {
        id: 14,
        slug: 'eghtesad',
        name: 'اقتصاد',
        taxonomy: 'category',
        lang: 'fa',
        translations: tr.en4,
      },
      {
        id: 13,
        slug: 'siasi',
        name: 'سیاسی',
        taxonomy: 'category',
        lang: 'fa',
        translations: tr.en3,
      },
    ];
    // The Persian post lists its terms in another order than the English one.
    const feed = convert([
      post({ id: 1, lang: 'en', translations: { en: 1, fa: 2 }, terms: en }),
      post({ id: 2, lang: 'fa', translations: { en: 1, fa: 2 }, terms: [fa[1], fa[0]] as Term[] }),
    ]);
    expect(feed.pages[0]?.categories).toEqual([
      { id: 'economy', name: { en: 'Economy', fa: 'اقتصاد' } },
      { id: 'political', name: { en: 'Political', fa: 'سیاسی' } },
    ]);
    expect(feed.articles[0]?.categories).toEqual(['economy', 'political']);
  });

  it('does not repeat the body’s opening when WordPress made the excerpt itself', () => {
    const content =
      '<p>Strategic Council Online &#8211; Interview: Gas prices will stay high this winter.</p>\n' +
      '<p>Dr. Ali Bigdeli &#8211; Expert on energy affairs</p>\n<p>Europe buys less.</p>';
    const automatic =
      '<p>Strategic Council Online &#8211; Interview: Gas prices will stay high this winter. Dr. Ali Bigdeli &#8211; Expert on energy affairs Europe [&hellip;]</p>';
    const [lifted, written] = convert([
      post({ content: { rendered: content }, excerpt: { rendered: automatic } }),
      post({ content: { rendered: content }, excerpt: { rendered: '<p>Written by hand.</p>' } }),
    ]).pages[0]!.articles;
    expect(lifted?.translations.en?.excerpt).toBe('Gas prices will stay high this winter.');
    expect(written?.translations.en?.excerpt).toBe('Written by hand.');
  });

  it('exports approved comments, threaded, as text, and whether comments are open', () => {
    const article = post({ id: 7, comment_status: 'open' });
    const comments = new Map([
      [
        7,
        [
          {
            id: 21,
            post: 7,
            parent: 20,
            author_name: 'Sara',
            date_gmt: '2024-05-02T10:00:00',
            content: { rendered: '<p>I agree &amp; add:</p>\n<p>a second <b>line</b>.</p>' },
          },
          {
            id: 20,
            post: 7,
            parent: 0,
            author_name: 'Reza',
            author_url: 'https://example.org/reza',
            date_gmt: '2024-05-02T09:00:00',
            content: { rendered: '<p>First!</p>' },
          },
        ],
      ],
    ]);
    const [file] = convert([article], { comments }).articles;
    expect(file?.comments).toEqual({
      open: true,
      count: 2,
      items: [
        {
          id: 'c20',
          author: { name: 'Reza', url: 'https://example.org/reza' },
          date: '2024-05-02T09:00:00Z',
          body: 'First!',
          language: 'en',
        },
        {
          id: 'c21',
          parent: 'c20',
          author: { name: 'Sara' },
          date: '2024-05-02T10:00:00Z',
          body: 'I agree & add:\n\na second line.',
          language: 'en',
        },
      ],
    });
  });

  it('keeps the featured image and its alt text', () => {
    const media = {
      source_url: 'https://example.org/wp-content/uploads/2024/05/gas.jpg',
      alt_text: 'A gas pipeline in the snow',
      caption: { rendered: '<p>Photo: IRNA</p>' },
    };
    const [file] = convert([post({ media })]).articles;
    expect(file?.translations.en?.image).toEqual({
      src: media.source_url,
      alt: 'A gas pipeline in the snow',
      caption: 'Photo: IRNA',
    });
  });

  it('skips password-protected posts and anything not published', () => {
    const kept = post({ title: { rendered: 'Public' } });
    const feed = convert([
      kept,
      post({ content: { rendered: '', protected: true } }),
      post({ status: 'draft' }),
      post({ status: 'private' }),
      post({ status: 'future' }),
    ]);
    expect(feed.articles.map((article) => article.translations.en?.title)).toEqual(['Public']);
  });

  it('gives a post with only Persian in its slug a readable, stable id', () => {
    const slug = encodeURIComponent('دولت-واحد');
    const first = convert([post({ id: 18, lang: 'fa', slug })]).articles[0]?.id;
    const again = convert([post({ id: 18, lang: 'fa', slug })]).articles[0]?.id;
    expect(first).toBe('dvlt-vahd');
    expect(again).toBe(first);
  });
});

describe('reading a site page by page', () => {
  function site(total: number, cap: number) {
    const asked: string[] = [];
    const fetchPage = async (input: URL | RequestInfo) => {
      const url = new URL(String(input));
      asked.push(url.search);
      const size = Number(url.searchParams.get('per_page'));
      if (size > cap) {
        return Response.json(
          {
            code: 'rest_invalid_param',
            message: `per_page must be between 1 (inclusive) and ${cap} (inclusive)`,
          },
          { status: 400 },
        );
      }
      const page = Number(url.searchParams.get('page'));
      const pages = Math.ceil(total / size);
      const items = Array.from(
        { length: Math.max(0, Math.min(size, total - (page - 1) * size)) },
        (_, i) => ({
          id: (page - 1) * size + i + 1,
        }),
      );
      return Response.json(items, {
        headers: { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(pages) },
      });
    };
    return { asked, fetch: fetchPage as typeof fetch };
  }

  it('reads every page the site announces, at the largest page size it allows', async () => {
    const { asked, fetch } = site(130, 50);
    const items = await fetchCollection('https://example.org/wp-json/wp/v2/posts', { fetch });
    expect(items).toHaveLength(130);
    expect(new Set(items.map((item: { id: number }) => item.id)).size).toBe(130);
    // One refused request at 100, then three pages of 50: never a page past the last.
    expect(asked).toEqual([
      '?per_page=100&page=1',
      '?per_page=50&page=1',
      '?per_page=50&page=2',
      '?per_page=50&page=3',
    ]);
  });

  it('stops at X-WP-TotalPages even when the last page is full', async () => {
    const { asked, fetch } = site(200, 100);
    const items = await fetchCollection('https://example.org/wp-json/wp/v2/posts', { fetch });
    expect(items).toHaveLength(200);
    expect(asked).toHaveLength(2);
  });
});

describe('--images copy', () => {
  it('copies body and lead images into the feed and points the article at the copies', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'folio-wp-images-'));
    try {
      const upload = 'https://example.org/wp-content/uploads/2024/05/Gas%20Map.jpg';
      const body =
        `<p>Text</p><p><img src="${upload}" alt="Map" srcset="${upload} 1024w, https://example.org/wp-content/uploads/2024/05/gas-300x200.jpg 300w" sizes="(max-width: 1024px) 100vw" /></p>` +
        '<p><img src="https://example.org/wp-content/uploads/gone.png" alt="Gone" /></p>';
      const [article] = convert([
        post({
          content: { rendered: body },
          media: { source_url: 'https://example.org/wp-content/uploads/lead.png', alt_text: '' },
        }),
      ]).articles;
      const served = async (input: URL | RequestInfo) =>
        String(input).endsWith('gone.png')
          ? new Response('', { status: 404 })
          : new Response(`bytes of ${String(input)}`);
      const result = await copyImages([article], out, { fetch: served as typeof fetch });
      expect(result.copied).toBe(2);
      expect(result.failed).toEqual(['https://example.org/wp-content/uploads/gone.png: HTTP 404']);
      const en = (
        result.articles[0] as {
          translations: Record<string, { body: string; image: { src: string } }>;
        }
      ).translations.en;
      const bodyCopy = `../media/${mediaName(upload)}`;
      expect(en?.body).toContain(`<img src="${bodyCopy}" alt="Map" />`);
      expect(en?.body).not.toContain('srcset');
      // The image that could not be fetched keeps its address.
      expect(en?.body).toContain('src="https://example.org/wp-content/uploads/gone.png"');
      expect(en?.image.src).toBe(
        `../media/${mediaName('https://example.org/wp-content/uploads/lead.png')}`,
      );
      expect(await readFile(path.join(out, 'articles', bodyCopy), 'utf8')).toBe(
        `bytes of ${upload}`,
      );
      expect(mediaName(upload)).toMatch(/^[0-9a-f]{10}-gas-map\.jpg$/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
