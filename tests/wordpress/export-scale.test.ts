// The export at a publisher's scale (issue 14): 1,000 posts (500 English–Persian pairs) exported
// in full, then an update after 5 posts changed. The times are printed, not gated (the machine
// varies); what is checked is that the update reads and rewrites only what changed.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWordPress, type WordPress } from './wordpress';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../scripts/from-wordpress.mjs', import.meta.url));
const PAIRS = 500;

let wp: WordPress;
let dir: string;

beforeAll(async () => {
  wp = await startWordPress(); // English (default) and Persian
  const seeding = performance.now();
  dir = await mkdtemp(path.join(os.tmpdir(), 'folio-wp-scale-'));
  await wp.php(`
    wp_delete_post(1, true); // WordPress's own "Hello world!"
    wp_defer_term_counting(true);
    for ($n = 1; $n <= ${PAIRS}; $n++) {
      $date = gmdate('Y-m-d H:i:s', strtotime('2020-01-01') + $n * 3600);
      $en = wp_insert_post(['post_title' => "Story $n", 'post_name' => "story-$n",
        'post_content' => "<p>Folio News – Analysis: Lead of story $n.</p><p>Body of story $n.</p>",
        'post_status' => 'publish', 'post_date_gmt' => $date, 'post_date' => $date], true);
      $fa = wp_insert_post(['post_title' => "داستان $n", 'post_content' => "<p>متن داستان $n.</p>",
        'post_status' => 'publish', 'post_date_gmt' => $date, 'post_date' => $date], true);
      pll_set_post_language($en, 'en');
      pll_set_post_language($fa, 'fa');
      pll_save_post_translations(['en' => $en, 'fa' => $fa]);
    }
    wp_defer_term_counting(false);
    // Written long ago, as an archive is: only what changes afterwards is new.
    global $wpdb;
    $wpdb->query("UPDATE $wpdb->posts SET post_modified = post_date, post_modified_gmt = post_date_gmt");
    clean_post_cache(0);
  `);
  console.log(`${PAIRS * 2} posts written in ${Math.round(performance.now() - seeding)} ms`);
}, 600_000);

afterAll(async () => {
  await wp?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function exportSite(...extra: string[]): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, [
    CLI,
    ...['--in', `${wp.base}/wp-json/wp/v2/posts`, '--out', dir, '--images', 'link'],
    ...extra,
  ]);
  return { ms: Math.round(performance.now() - started), output: stdout };
}

test(`exports ${PAIRS * 2} posts, then updates after 5 changed`, async () => {
  const full = await exportSite();
  expect(await readdir(path.join(dir, 'articles'))).toHaveLength(PAIRS);

  await wp.php(`
    foreach ([3, 77, 150, 311, 480] as $n) {
      $post = get_page_by_path("story-$n", OBJECT, 'post');
      wp_update_post(['ID' => $post->ID, 'post_title' => "Story $n, revised"]);
    }
  `);
  const update = await exportSite('--update');
  expect(update.output).toMatch(/^5 article files rewritten, 0 withdrawn/m);
  console.log(
    `feed:from-wordpress on ${PAIRS * 2} posts: full export ${full.ms} ms; ` +
      `update after 5 changed posts ${update.ms} ms (the command, Node start-up included)`,
  );
}, 600_000);
