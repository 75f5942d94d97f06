// @vitest-environment node
// feed:from-wordpress --update against a stand-in for the REST API (the network edge only; the
// real WordPress runs in npm run test:wordpress): one post edited, one trashed, one published
// change exactly those three articles, under the ids they had.
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFeed } from '../../scripts/from-wordpress.mjs';
import { convertPosts } from '../../scripts/lib/wordpress.mjs';
import { readChanges, writeUpdate } from '../../scripts/lib/wordpress-update.mjs';

const ENDPOINT = 'https://site.example/wp-json/wp/v2/posts';

interface Post {
  id: number;
  slug: string;
  lang: string;
  translations: Record<string, number>;
  date_gmt: string;
  modified_gmt: string;
  status: string;
  title: { rendered: string };
  content: { rendered: string; protected: boolean };
  excerpt: { rendered: string };
  comment_status: string;
}

function post(id: number, lang: string, translations: Record<string, number>, day: number): Post {
  const date = `2024-05-${String(day).padStart(2, '0')}T08:00:00`;
  return {
    id,
    slug: `story-${id}`,
    lang,
    translations,
    date_gmt: date,
    modified_gmt: date,
    status: 'publish',
    title: { rendered: `Story ${id}` },
    content: { rendered: `<p>Body of ${id}.</p>`, protected: false },
    excerpt: { rendered: '' },
    comment_status: 'closed',
  };
}

/** The posts, categories and comments collections, answering the parameters the export uses. */
function restApi(posts: () => Post[]) {
  const asked: string[] = [];
  const fetchStub = async (input: URL | RequestInfo) => {
    const url = new URL(String(input));
    asked.push(`${url.pathname}${url.search}`);
    const list = (items: object[]) =>
      Response.json(items, {
        headers: { 'X-WP-Total': String(items.length), 'X-WP-TotalPages': '1' },
      });
    if (url.pathname.endsWith('/categories') || url.pathname.endsWith('/comments')) return list([]);
    let found = posts().filter((p) => p.status === 'publish');
    const after = url.searchParams.get('modified_after');
    if (after) found = found.filter((p) => `${p.modified_gmt}Z` > after);
    const include = url.searchParams.get('include');
    if (include) found = found.filter((p) => include.split(',').includes(String(p.id)));
    if (url.searchParams.get('_fields') === 'id') return list(found.map((p) => ({ id: p.id })));
    return list(found);
  };
  return { asked, fetch: fetchStub as typeof fetch };
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('feed:from-wordpress --update', () => {
  it('changes exactly the edited, the trashed and the newly published articles', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-wp-update-'));
    dirs.push(dir);
    // Six posts: three English–Persian pairs... and the site's state over time.
    let site: Post[] = [
      post(1, 'en', { en: 1, fa: 2 }, 1),
      post(2, 'fa', { en: 1, fa: 2 }, 1),
      post(3, 'en', { en: 3 }, 2),
      post(4, 'en', { en: 4, fa: 5 }, 3),
      post(5, 'fa', { en: 4, fa: 5 }, 3),
      post(6, 'en', { en: 6 }, 10),
    ];
    // As a full export from the site writes it (comments read, none yet).
    await writeFeed(dir, convertPosts(site, { pageSize: 2, comments: new Map() }));
    const before = new Map<string, string>();
    for (const name of await readdir(path.join(dir, 'articles'))) {
      before.set(name, await readFile(path.join(dir, 'articles', name), 'utf8'));
    }
    const untouchedTime = (await stat(path.join(dir, 'articles', 'story-6.json'))).mtimeMs;
    expect([...before.keys()].sort()).toEqual([
      'story-1.json',
      'story-3.json',
      'story-4.json',
      'story-6.json',
    ]);

    // Edited: the Persian translation of story-4 (new title and slug; its id stays).
    // Trashed: story-3. Published: a new post.
    site = site
      .map((p) =>
        p.id === 5
          ? {
              ...p,
              slug: 'renamed',
              title: { rendered: 'داستان تازه' },
              modified_gmt: '2024-06-01T08:00:00',
            }
          : p,
      )
      .map((p) => (p.id === 3 ? { ...p, status: 'trash' } : p));
    site.push({ ...post(7, 'en', { en: 7 }, 20), modified_gmt: '2024-06-02T08:00:00' });
    const api = restApi(() => site);
    const update = await readChanges(ENDPOINT, dir, { fetch: api.fetch });
    const result = await writeUpdate(dir, update, { pageSize: 2, now: '2024-06-03T00:00:00Z' });

    expect(result).toEqual({ articles: 2, withdrawn: 1, pages: 2 });
    const after = (await readdir(path.join(dir, 'articles'))).sort();
    expect(after).toEqual(['story-1.json', 'story-4.json', 'story-6.json', 'story-7.json']);
    const four = JSON.parse(await readFile(path.join(dir, 'articles', 'story-4.json'), 'utf8'));
    expect(four.translations.fa.title).toBe('داستان تازه');
    expect(four.translations.en.title).toBe('Story 4');
    // Untouched articles are not rewritten.
    expect(await readFile(path.join(dir, 'articles', 'story-1.json'), 'utf8')).toBe(
      before.get('story-1.json'),
    );
    expect((await stat(path.join(dir, 'articles', 'story-6.json'))).mtimeMs).toBe(untouchedTime);

    const first = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8'));
    expect(first.removed).toEqual(['story-3']);
    expect(first.updated).toBe('2024-06-03T00:00:00Z');
    const listed = [first, JSON.parse(await readFile(path.join(dir, 'index-2.json'), 'utf8'))]
      .flatMap((page: { articles: { id: string }[] }) => page.articles)
      .map((summary) => summary.id);
    expect(listed).toEqual(['story-7', 'story-6', 'story-4', 'story-1']);
    // Only posts modified since the last export were read in full, with one sibling by id.
    expect(api.asked.filter((line) => line.includes('_embed'))).toEqual([
      expect.stringContaining('modified_after='),
      expect.stringContaining('include=4'),
    ]);
  });
});
