// wordpress/folio-bridge.php on a site without Polylang: the site works, the fields are empty.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWordPress, type WordPress } from './wordpress';

let wp: WordPress;

beforeAll(async () => {
  wp = await startWordPress({ polylang: false });
});

afterAll(async () => {
  await wp?.stop();
});

test('posts and categories have lang null and translations {}', async () => {
  const posts = (await (await fetch(`${wp.base}/wp-json/wp/v2/posts`)).json()) as {
    slug: string;
    lang: unknown;
    translations: unknown;
  }[];
  expect(posts.map(({ slug, lang, translations }) => ({ slug, lang, translations }))).toEqual([
    { slug: 'hello-world', lang: null, translations: {} },
  ]);
  const terms = (await (await fetch(`${wp.base}/wp-json/wp/v2/categories`)).json()) as {
    lang: unknown;
    translations: unknown;
  }[];
  expect(terms.map(({ lang, translations }) => ({ lang, translations }))).toEqual([
    { lang: null, translations: {} },
  ]);
  expect(await wp.php(`echo function_exists('pll_get_post_language') ? 'yes' : 'no';`)).toBe('no');
});
