#!/usr/bin/env node
// npm run feed:from-wordpress -- --in <dump.json | https://site/wp-json/wp/v2/posts> --out <dir>
//   [--page-size 50] [--default-language en] [--site-title "…"] [--homepage https://site/]
//   [--images copy|link]   copy (the default): images into <dir>/media/; link: left on the site
// Converts a WordPress REST export (posts with _embed, Polylang translations) into a Folio feed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { convertPosts } from './lib/wordpress.mjs';
import { fetchSite } from './lib/wordpress-fetch.mjs';
import { copyImages } from './lib/wordpress-images.mjs';

/**
 * The site's posts (and, from a live site, its categories and approved comments): from its REST
 * API, or from a saved dump of the posts JSON.
 */
export async function readPosts(input) {
  if (/^https?:\/\//.test(input)) return fetchSite(input);
  const data = JSON.parse(await readFile(input, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${input}: expected a JSON array of posts`);
  return { posts: data, terms: [], comments: undefined };
}

export async function writeFeed(out, feed) {
  await mkdir(path.join(out, 'articles'), { recursive: true });
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
  await Promise.all([
    ...feed.pages.map((page, i) =>
      writeFile(path.join(out, i === 0 ? 'index.json' : `index-${i + 1}.json`), json(page)),
    ),
    ...feed.articles.map((article) =>
      writeFile(path.join(out, 'articles', `${article.id}.json`), json(article)),
    ),
  ]);
}

async function main() {
  const { values } = parseArgs({
    options: {
      in: { type: 'string' },
      out: { type: 'string' },
      'page-size': { type: 'string', default: '50' },
      'default-language': { type: 'string' },
      'site-title': { type: 'string' },
      homepage: { type: 'string' },
      images: { type: 'string', default: 'copy' },
    },
  });
  if (!values.in || !values.out) {
    console.error(
      'usage: npm run feed:from-wordpress -- --in <dump.json or posts URL> --out <dir>',
    );
    process.exit(2);
  }
  const { posts, terms, comments } = await readPosts(values.in);
  const feed = convertPosts(posts, {
    terms,
    comments,
    pageSize: Number(values['page-size']),
    defaultLanguage: values['default-language'],
    siteTitle: values['site-title'],
    homepage: values.homepage,
  });
  if (values.images !== 'copy' && values.images !== 'link') {
    console.error('--images is "copy" or "link"');
    process.exit(2);
  }
  if (values.images === 'copy') {
    const images = await copyImages(feed.articles, values.out);
    feed.articles = images.articles;
    console.log(`${images.copied} images copied into ${path.join(values.out, 'media')}`);
    for (const line of images.failed) console.warn(`Image not copied (left on the site): ${line}`);
  }
  await writeFeed(values.out, feed);
  console.log(
    `${posts.length} posts → ${feed.articles.length} articles in ${feed.pages.length} page(s) → ${values.out}`,
  );
  console.log('Check it with: npm run feed:validate -- ' + values.out);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
