#!/usr/bin/env node
// npm run feed:from-wordpress -- --in <dump.json | https://site/wp-json/wp/v2/posts> --out <dir>
//   [--page-size 50] [--default-language en] [--site-title "…"] [--homepage https://site/]
//   [--images copy|link]   copy (the default): images into <dir>/media/; link: left on the site
//   [--update]             only what changed since the feed in <dir> was written (needs a URL)
// Converts a WordPress REST export (posts with _embed, Polylang translations) into a Folio feed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { convertPosts } from './lib/wordpress.mjs';
import { fetchSite } from './lib/wordpress-fetch.mjs';
import { copyImages } from './lib/wordpress-images.mjs';
import { readChanges, writeUpdate } from './lib/wordpress-update.mjs';

/**
 * The site's posts (and, from a live site, its categories and approved comments): from its REST
 * API, or from a saved dump of the posts JSON.
 */
export async function readPosts(input) {
  if (/^https?:\/\//.test(input)) return fetchSite(input);
  const data = JSON.parse(await readFile(input, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${input}: expected a JSON array of posts`);
  return { defaultLanguage: undefined, posts: data, terms: [], comments: undefined };
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

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** The articles with their images copied into the feed, and a line on what was copied. */
async function copied(articles, out) {
  const images = await copyImages(articles, out);
  console.log(`${images.copied} images copied into ${path.join(out, 'media')}`);
  for (const line of images.failed) console.warn(`Image not copied (left on the site): ${line}`);
  return images.articles;
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
      update: { type: 'boolean', default: false },
    },
  });
  if (!values.in || !values.out) {
    console.error(
      'usage: npm run feed:from-wordpress -- --in <dump.json or posts URL> --out <dir>',
    );
    process.exit(2);
  }
  if (values.images !== 'copy' && values.images !== 'link') {
    console.error('--images is "copy" or "link"');
    process.exit(2);
  }
  const started = performance.now();
  if (values.update) {
    if (!/^https?:\/\//.test(values.in)) {
      console.error('--update reads the site: --in must be its posts URL');
      process.exit(2);
    }
    const update = await readChanges(values.in, values.out);
    if (values.images === 'copy') update.files = await copied(update.files, values.out);
    const result = await writeUpdate(values.out, update, { pageSize: Number(values['page-size']) });
    console.log(
      `${result.articles} article files rewritten, ${result.withdrawn} withdrawn, in ${seconds(started)} → ${values.out}`,
    );
  } else {
    const site = await readPosts(values.in);
    const { posts, terms, comments } = site;
    const feed = convertPosts(posts, {
      terms,
      comments,
      pageSize: Number(values['page-size']),
      defaultLanguage: values['default-language'] ?? site.defaultLanguage,
      siteTitle: values['site-title'],
      homepage: values.homepage,
    });
    if (values.images === 'copy') feed.articles = await copied(feed.articles, values.out);
    await writeFeed(values.out, feed);
    console.log(
      `${posts.length} posts → ${feed.articles.length} articles in ${feed.pages.length} page(s), in ${seconds(started)} → ${values.out}`,
    );
  }
  console.log('Check it with: npm run feed:validate -- ' + values.out);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
