// npm run feed:from-wordpress against a real WordPress 6.1 + Polylang 3.5 with the bridge plugin
// (issue 14): the command a publisher runs, its feed checked by feed:validate's own code, and an
// incremental update after an edit, a trashing and a new post.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateFeed } from '../../src/lib/feed/validate';
import { CATEGORIES, IMAGE_ALT, seed, type Seeded } from './seed';
import { startWordPress, type WordPress } from './wordpress';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../scripts/from-wordpress.mjs', import.meta.url));

let wp: WordPress;
let seeded: Seeded;
const dirs: string[] = [];

interface Translation {
  title: string;
  kind?: string;
  lead?: string;
  author?: { name: string; role?: string };
  body: string;
  image?: { src: string; alt: string };
  postId: number;
}
interface ArticleFile {
  id: string;
  categories: string[];
  translations: Record<string, Translation>;
  comments?: {
    open: boolean;
    items: { id: string; parent?: string; body: string; author: { name: string } }[];
  };
}
interface IndexPage {
  updated: string;
  languages?: { code: string; dir: string }[];
  categories?: { id: string; name: Record<string, string> }[];
  articles: { id: string }[];
  removed?: string[];
  next?: string;
}

async function exportSite(...extra: string[]): Promise<{ dir: string; output: string }> {
  const dir = extra.includes('--update')
    ? (extra[extra.indexOf('--out') + 1] ?? '')
    : await mkdtemp(path.join(os.tmpdir(), 'folio-wp-export-'));
  if (!extra.includes('--update')) dirs.push(dir);
  const args = ['--in', `${wp.base}/wp-json/wp/v2/posts`, '--site-title', 'Folio News'];
  const outArgs = extra.includes('--out') ? [] : ['--out', dir];
  const { stdout, stderr } = await run(process.execPath, [CLI, ...args, ...outArgs, ...extra]);
  return { dir, output: `${stdout}${stderr}` };
}

const read = async <T>(dir: string, file: string): Promise<T> =>
  JSON.parse(await readFile(path.join(dir, file), 'utf8')) as T;

async function allSummaries(dir: string): Promise<{ id: string }[]> {
  const found: { id: string }[] = [];
  for (let name: string | undefined = 'index.json'; name;) {
    const page: IndexPage = await read<IndexPage>(dir, name);
    found.push(...page.articles);
    name = page.next;
  }
  return found;
}

async function articleWithPost(dir: string, postId: number): Promise<ArticleFile | undefined> {
  for (const name of await readdir(path.join(dir, 'articles'))) {
    const file = await read<ArticleFile>(dir, `articles/${name}`);
    if (Object.values(file.translations).some((t) => t.postId === postId)) return file;
  }
  return undefined;
}

const readFromDisk = async (url: string) => {
  try {
    return new Response(await readFile(fileURLToPath(url)));
  } catch {
    return new Response('', { status: 404 });
  }
};

beforeAll(async () => {
  wp = await startWordPress({ anonymousComments: true });
  seeded = await seed(wp);
  // A Persian post with no English translation, its slug Persian only.
  await wp.php(`
    $id = wp_insert_post(['post_title' => 'دولت واحد', 'post_name' => 'دولت-واحد',
      'post_content' => '<p>متن.</p>', 'post_status' => 'publish'], true);
    pll_set_post_language($id, 'fa');
  `);
});

afterAll(async () => {
  await wp?.stop();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('feed:from-wordpress on a real WordPress + Polylang', () => {
  test('writes a feed feed:validate passes, with what the site holds in both languages', async () => {
    const { dir, output } = await exportSite();
    const report = await validateFeed(pathToFileURL(path.join(dir, 'index.json')).href, {
      fetch: readFromDisk,
    });
    expect(report.problems).toEqual([]);
    expect(output).toMatch(/images copied/);

    const first = await read<IndexPage>(dir, 'index.json');
    expect(first.languages).toEqual([
      { code: 'en', name: 'English', dir: 'ltr' },
      { code: 'fa', name: 'فارسی', dir: 'rtl' },
    ]);
    // Persian names from Polylang's term translations (the two languages sort differently).
    for (const [slug, names] of Object.entries(CATEGORIES)) {
      expect(first.categories).toContainEqual({ id: slug, name: { en: names.en, fa: names.fa } });
    }

    // The kind line and a byline with a full stop, lifted; the Persian translation beside it.
    const grid = await articleWithPost(dir, seeded.posts.grid.en.id);
    expect(grid?.translations.en).toMatchObject({
      kind: 'Interview',
      lead: 'What the winter holds for the grid.',
      author: { name: 'Dr. Ali Bigdeli', role: 'Expert on energy affairs' },
    });
    expect(grid?.translations.fa?.postId).toBe(seeded.posts.grid.fa.id);
    expect(grid?.categories).toEqual(['energy']);

    // Approved comments, the reply under its parent; the held one is not there.
    const items = grid?.comments?.items ?? [];
    expect(items.map((item) => item.id)).toEqual([
      `c${seeded.comments.approved}`,
      `c${seeded.comments.reply}`,
    ]);
    expect(items[1]?.parent).toBe(`c${seeded.comments.approved}`);
    expect(grid?.comments?.open).toBe(true);

    // The featured image and the body's image, copied into the feed.
    const festival = await articleWithPost(dir, seeded.posts.festival.en.id);
    const lead = festival?.translations.en?.image;
    expect(lead?.alt).toBe(IMAGE_ALT);
    expect(lead?.src).toMatch(/^\.\.\/media\//);
    expect(existsSync(path.join(dir, 'articles', lead?.src ?? ''))).toBe(true);
    expect(festival?.translations.en?.body).toMatch(/<img[^>]+src="\.\.\/media\//);
    expect(festival?.translations.en?.body).not.toContain('/wp-content/uploads/');

    // No language: the site's default. Persian only: a readable id, not post-<n>.
    const unmarked = await articleWithPost(dir, seeded.noLanguage.id);
    expect(Object.keys(unmarked?.translations ?? {})).toEqual(['en']);
    const ids = (await allSummaries(dir)).map((summary) => summary.id);
    expect(ids).toContain('dvlt-vahd');
    expect(ids.some((id) => /^post-\d+$/.test(id))).toBe(false);

    // Nothing the public may not read.
    for (const hidden of [...Object.values(seeded.hidden), seeded.passwordProtected.id]) {
      expect(await articleWithPost(dir, hidden), `post ${hidden}`).toBeUndefined();
    }
  });

  test('an update after an edit, a trashing and a new post changes exactly those three', async () => {
    const { dir } = await exportSite();
    const before = new Map<string, string>();
    for (const name of await readdir(path.join(dir, 'articles'))) {
      before.set(name, await readFile(path.join(dir, 'articles', name), 'utf8'));
    }
    const edited = await articleWithPost(dir, seeded.posts.vote.en.id);
    const trashed = await articleWithPost(dir, seeded.noLanguage.id);
    await wp.php(`
      wp_update_post(['ID' => ${seeded.posts.vote.en.id}, 'post_title' => 'The vote, counted again']);
      wp_trash_post(${seeded.noLanguage.id});
      $id = wp_insert_post(['post_title' => 'Published after the export', 'post_name' => 'after-export',
        'post_content' => '<p>New.</p>', 'post_status' => 'publish'], true);
      pll_set_post_language($id, 'en');
    `);
    const { output } = await exportSite('--out', dir, '--update');

    const after = new Map<string, string>();
    for (const name of await readdir(path.join(dir, 'articles'))) {
      after.set(name, await readFile(path.join(dir, 'articles', name), 'utf8'));
    }
    const changed = [...after].filter(([name, text]) => before.get(name) !== text);
    expect(changed.map(([name]) => name).sort()).toEqual(
      [`${edited?.id}.json`, 'after-export.json'].sort(),
    );
    expect([...before.keys()].filter((name) => !after.has(name))).toEqual([`${trashed?.id}.json`]);
    expect(output).toMatch(/2 article files rewritten, 1 withdrawn/);
    const revised = await read<ArticleFile>(dir, `articles/${edited?.id}.json`);
    expect(revised.translations.en?.title).toBe('The vote, counted again');
    const first = await read<IndexPage>(dir, 'index.json');
    expect(first.removed).toEqual([trashed?.id]);
    const report = await validateFeed(pathToFileURL(path.join(dir, 'index.json')).href, {
      fetch: readFromDisk,
    });
    expect(report.problems).toEqual([]);
  });

  test('reads more than 100 posts page by page', async () => {
    await wp.php(`
      for ($n = 1; $n <= 110; $n++) {
        $id = wp_insert_post(['post_title' => "Archive story $n", 'post_name' => "archive-$n",
          'post_content' => "<p>Story $n.</p>", 'post_status' => 'publish',
          'post_date' => sprintf('2020-01-%02d 08:00:00', 1 + $n % 28)], true);
        pll_set_post_language($id, 'en');
      }
    `);
    const { dir } = await exportSite('--images', 'link', '--page-size', '50');
    const ids = (await allSummaries(dir)).map((summary) => summary.id);
    for (let n = 1; n <= 110; n++) expect(ids).toContain(`archive-${n}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
