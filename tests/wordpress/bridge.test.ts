// wordpress/folio-bridge.php against a real WordPress 6.1 + Polylang 3.5 (tests/wordpress/wordpress.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seed, type Seeded } from './seed';
import { startWordPress, type WordPress } from './wordpress';

let wp: WordPress;
let seeded: Seeded;
const OTHER_ORIGIN = 'https://elsewhere.example.com';

interface RestPost {
  id: number;
  slug: string;
  status: string;
  lang: string | null;
  translations: Record<string, number>;
  content: { rendered: string; protected: boolean };
}
interface RestTerm {
  id: number;
  name: string;
  slug: string;
  lang: string | null;
  translations: Record<string, number>;
}

const rest = (route: string, init?: RequestInit) => fetch(`${wp.base}/wp-json${route}`, init);
async function json<T>(route: string): Promise<T> {
  const response = await rest(route);
  expect(response.status, route).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  const started = Date.now();
  wp = await startWordPress({ origin: 'https://reader.example.org', anonymousComments: true });
  const ready = Date.now();
  seeded = await seed(wp);
  console.log(
    `startWordPress(): ${ready - started} ms; seed(): ${Date.now() - ready} ms (${wp.base})`,
  );
});

afterAll(async () => {
  await wp?.stop();
});

describe('language fields', () => {
  test('posts carry lang and translations, linked both ways', async () => {
    const { en, fa } = seeded.posts.grid;
    const english = await json<RestPost>(`/wp/v2/posts/${en.id}`);
    const persian = await json<RestPost>(`/wp/v2/posts/${fa.id}`);
    expect(english.lang).toBe('en');
    expect(persian.lang).toBe('fa');
    expect(english.translations).toEqual({ en: en.id, fa: fa.id });
    expect(persian.translations).toEqual({ en: en.id, fa: fa.id });
  });

  test('a post with no language has lang null and no translations', async () => {
    const post = await json<RestPost>(`/wp/v2/posts/${seeded.noLanguage.id}`);
    expect(post.lang).toBeNull();
    expect(post.translations).toEqual({});
  });

  test('the listing carries the fields on every post', async () => {
    const posts = await json<RestPost[]>('/wp/v2/posts?per_page=100');
    const byId = new Map(posts.map((post) => [post.id, post]));
    for (const { en, fa } of Object.values(seeded.posts)) {
      expect(byId.get(en.id)?.translations).toEqual({ en: en.id, fa: fa.id });
      expect(byId.get(fa.id)?.lang).toBe('fa');
    }
    expect(byId.get(seeded.noLanguage.id)?.lang).toBeNull();
  });

  test('Polylang (free) filters categories by ?lang=, not posts', async () => {
    const all = await json<RestPost[]>('/wp/v2/posts?per_page=100');
    const fa = await json<RestPost[]>('/wp/v2/posts?per_page=100&lang=fa');
    expect(fa.map((post) => post.id)).toEqual(all.map((post) => post.id));
    const terms = await json<RestTerm[]>('/wp/v2/categories?per_page=100&lang=fa');
    expect(terms.map((term) => term.lang)).toEqual(['fa', 'fa', 'fa']);
  });

  test('content from before Polylang ("Hello world!", Uncategorized) has no language', async () => {
    const hello = await json<RestPost[]>('/wp/v2/posts?slug=hello-world');
    expect(hello[0]?.lang).toBeNull();
    const uncategorized = await json<RestTerm[]>('/wp/v2/categories?slug=uncategorized');
    expect(uncategorized[0]?.lang).toBeNull();
  });

  test('a Persian-only slug comes back percent-encoded', async () => {
    const { fa } = seeded.posts.festival;
    const post = await json<RestPost>(`/wp/v2/posts/${fa.id}`);
    expect(post.slug).toBe(fa.slug);
    expect(decodeURIComponent(post.slug)).toBe('جشنواره-فیلم');
  });

  test('categories carry lang and translations, linked both ways', async () => {
    const terms = await json<RestTerm[]>('/wp/v2/categories?per_page=100');
    const byId = new Map(terms.map((term) => [term.id, term]));
    for (const { en, fa } of Object.values(seeded.categories)) {
      expect(byId.get(en)?.lang).toBe('en');
      expect(byId.get(fa)?.lang).toBe('fa');
      expect(byId.get(en)?.translations).toEqual({ en, fa });
      expect(byId.get(fa)?.translations).toEqual({ en, fa });
    }
  });

  test('categories sort by name per language, differently in Persian', async () => {
    const terms = await json<RestTerm[]>('/wp/v2/categories?per_page=100&orderby=name');
    const { culture, energy, politics } = seeded.categories;
    const order = (ids: number[]) => terms.map((term) => term.id).filter((id) => ids.includes(id));
    expect(order([culture.en, energy.en, politics.en])).toEqual([
      culture.en,
      energy.en,
      politics.en,
    ]);
    expect(order([culture.fa, energy.fa, politics.fa])).toEqual([
      energy.fa,
      politics.fa,
      culture.fa,
    ]);
  });
});

describe('what the public sees', () => {
  test('drafts, private, pending and scheduled posts are not listed', async () => {
    const posts = await json<RestPost[]>('/wp/v2/posts?per_page=100');
    const ids = posts.map((post) => post.id);
    for (const id of Object.values(seeded.hidden)) expect(ids).not.toContain(id);
    expect(posts.every((post) => post.status === 'publish')).toBe(true);
  });

  test('a password-protected post is listed with its content protected and empty', async () => {
    const posts = await json<RestPost[]>('/wp/v2/posts?per_page=100');
    const locked = posts.find((post) => post.id === seeded.passwordProtected.id);
    expect(locked?.content.protected).toBe(true);
    expect(locked?.content.rendered).toBe('');
  });

  test('paging sends X-WP-Total and X-WP-TotalPages, and 400 past the last page', async () => {
    // 3 × 2 translated posts, the featured-image post's own, "Hello world!", the bare post and
    // the password-protected one.
    const response = await rest('/wp/v2/posts?per_page=2');
    const total = Number(response.headers.get('x-wp-total'));
    expect(total).toBe(9);
    expect(Number(response.headers.get('x-wp-totalpages'))).toBe(5);
    expect((await rest('/wp/v2/posts?per_page=2&page=6')).status).toBe(400);
  });
});

describe('anonymous comments', () => {
  const comment = (post: number) =>
    rest('/wp/v2/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://reader.example.org' },
      body: JSON.stringify({
        post,
        author_name: 'Sara',
        author_email: 'reader@example.org', // approved before on this site
        content: `An anonymous comment at ${Date.now()}`,
      }),
    });

  // WordPress refuses a comment from the same IP address or e-mail within 15 s of the last one.
  const backdateComments = () =>
    wp.php(
      `global $wpdb; $wpdb->query("UPDATE $wpdb->comments SET comment_date_gmt = '2024-03-07 00:00:00' WHERE comment_date_gmt > '2024-03-07'");`,
    );

  test('with FOLIO_ANONYMOUS_COMMENTS true, one is accepted and held for moderation', async () => {
    await backdateComments();
    const response = await comment(seeded.comments.post);
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: number; status: string };
    expect(created.status).toBe('hold');
    const approved = await wp.php(`echo get_comment(${created.id})->comment_approved;`);
    expect(approved).toBe('0');
    // WordPress alone would have approved it: this name and e-mail had a comment approved.
    const wordpressAlone = await wp.php(
      `echo check_comment('Sara', 'reader@example.org', '', 'text', '127.0.0.1', '', 'comment') ? 'approve' : 'hold';`,
    );
    expect(wordpressAlone).toBe('approve');
  });

  test('with it false they are refused; without it the option decides', async () => {
    try {
      await wp.setConstant('FOLIO_ANONYMOUS_COMMENTS', false);
      expect((await comment(seeded.comments.post)).status).toBe(401);
      await wp.setConstant('FOLIO_ANONYMOUS_COMMENTS', undefined);
      expect((await comment(seeded.comments.post)).status).toBe(401);
      await wp.php(`update_option('folio_anonymous_comments', 1);`);
      await backdateComments();
      expect((await comment(seeded.comments.post)).status).toBe(201);
    } finally {
      await wp.php(`delete_option('folio_anonymous_comments');`);
      await wp.setConstant('FOLIO_ANONYMOUS_COMMENTS', true);
    }
  });

  test('a second one within 15 s is refused as a flood (400 comment_flood)', async () => {
    await backdateComments();
    expect((await comment(seeded.comments.post)).status).toBe(201);
    const again = await comment(seeded.comments.post);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code: string }).code).toBe('comment_flood');
    // The app can read the site's reason: refusals carry CORS too.
    expect(again.headers.get('access-control-allow-origin')).toBe(wp.origin);
  });

  test('the seeded thread: approved comment, its reply, the held one not public', async () => {
    const comments = await json<{ id: number; parent: number }[]>(
      `/wp/v2/comments?post=${seeded.comments.post}&per_page=100`,
    );
    const ids = comments.map((comment) => comment.id);
    expect(ids).toContain(seeded.comments.approved);
    expect(comments.find((c) => c.id === seeded.comments.reply)?.parent).toBe(
      seeded.comments.approved,
    );
    expect(ids).not.toContain(seeded.comments.held);
  });
});

describe('CORS', () => {
  test('the configured origin is echoed on /wp-json/, with the paging headers exposed', async () => {
    const response = await rest('/wp/v2/posts', { headers: { Origin: wp.origin } });
    expect(response.headers.get('access-control-allow-origin')).toBe(wp.origin);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/X-WP-TotalPages/);
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  test('a preflight for POSTing JSON comments is answered', async () => {
    const response = await rest('/wp/v2/comments', {
      method: 'OPTIONS',
      headers: {
        Origin: wp.origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(wp.origin);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
  });

  test('without FOLIO_APP_ORIGIN, WordPress’s own CORS (any origin) is left', async () => {
    try {
      await wp.setConstant('FOLIO_APP_ORIGIN', undefined);
      const response = await rest('/wp/v2/posts', { headers: { Origin: OTHER_ORIGIN } });
      expect(response.headers.get('access-control-allow-origin')).toBe(OTHER_ORIGIN);
    } finally {
      await wp.setConstant('FOLIO_APP_ORIGIN', wp.origin);
    }
  });

  test('another origin gets no allow header', async () => {
    for (const method of ['GET', 'OPTIONS']) {
      const response = await rest('/wp/v2/posts', { method, headers: { Origin: OTHER_ORIGIN } });
      expect(response.headers.get('access-control-allow-origin'), method).toBeNull();
    }
  });

  test('uploads: the body and the featured image use one file, served with CORS', async () => {
    const post = await json<RestPost & { featured_media: number }>(
      `/wp/v2/posts/${seeded.posts.festival.en.id}`,
    );
    expect(post.featured_media).toBe(seeded.image.id);
    expect(post.content.rendered).toContain(seeded.image.url);
    const media = await json<{ alt_text: string; source_url: string }>(
      `/wp/v2/media/${seeded.image.id}`,
    );
    expect(media.alt_text).toBe(seeded.image.alt);
    expect(media.source_url).toBe(seeded.image.url);
    // The router of tests/wordpress/wordpress.ts stands in for the web server lines that
    // folio-bridge.php documents; this checks the URL is served, not the plugin.
    const image = await fetch(seeded.image.url, { headers: { Origin: wp.origin } });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('access-control-allow-origin')).toBe(wp.origin);
    const other = await fetch(seeded.image.url, { headers: { Origin: OTHER_ORIGIN } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
