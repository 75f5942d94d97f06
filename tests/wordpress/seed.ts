// A small, known set of content in a WordPress from startWordPress(): English posts with linked
// Persian translations, categories whose Persian names sort differently from the English ones,
// a post with no language, a kind line and byline, a featured image, a Persian-only slug,
// threaded and held comments, and posts the public must not see.
import type { WordPress } from './wordpress';

/** One category in both languages: English name and Persian name. */
export const CATEGORIES = {
  // By name, English sorts culture, energy, politics; Persian sorts انرژی, سیاست, فرهنگ
  // (energy, politics, culture).
  culture: { en: 'Culture', fa: 'فرهنگ' },
  energy: { en: 'Energy', fa: 'انرژی' },
  politics: { en: 'Politics', fa: 'سیاست' },
} as const;

type Category = keyof typeof CATEGORIES;

interface PostData {
  slug: string;
  title: string;
  content: string;
  date: string;
  category: Category;
}

/** English posts, each with a Persian translation; newest first. */
export const POSTS = {
  grid: {
    en: {
      slug: 'winter-grid',
      title: 'What the winter holds for the grid',
      // A kind line ("Site – Kind: lead") and a byline whose name has a full stop.
      content:
        '<p>Folio News – Interview: What the winter holds for the grid.</p>\n' +
        '<p>Dr. Ali Bigdeli – Expert on energy affairs</p>\n' +
        '<p>The grid is older than most of the people who run it.</p>',
      date: '2024-03-05 09:00:00',
      category: 'energy',
    },
    fa: {
      slug: 'winter-grid-fa',
      title: 'زمستان برای شبکه برق چه در پیش دارد',
      content:
        '<p>اخبار فولیو – گفتگو: زمستان برای شبکه برق چه در پیش دارد.</p>\n' +
        '<p>دکتر علی بیگدلی – کارشناس امور انرژی</p>\n' +
        '<p>شبکه برق از بیشتر کسانی که آن را می‌گردانند پیرتر است.</p>',
      date: '2024-03-05 09:30:00',
      category: 'energy',
    },
  },
  festival: {
    en: {
      slug: 'film-festival',
      title: 'A film festival in the old bazaar',
      content: '<p>Screens went up between the carpet stalls.</p>', // featured image added below
      date: '2024-03-04 09:00:00',
      category: 'culture',
    },
    fa: {
      // Only Persian in the slug: WordPress stores it percent-encoded.
      slug: 'جشنواره-فیلم',
      title: 'جشنواره فیلم در بازار قدیم',
      content: '<p>پرده‌ها میان غرفه‌های فرش برپا شد.</p>',
      date: '2024-03-04 09:30:00',
      category: 'culture',
    },
  },
  vote: {
    en: {
      slug: 'council-vote',
      title: 'The council votes on the budget',
      content: '<p>The vote is on Thursday.</p>',
      date: '2024-03-03 09:00:00',
      category: 'politics',
    },
    fa: {
      slug: 'council-vote-fa',
      title: 'شورا درباره بودجه رأی می‌دهد',
      content: '<p>رأی‌گیری پنجشنبه است.</p>',
      date: '2024-03-03 09:30:00',
      category: 'politics',
    },
  },
} satisfies Record<string, { en: PostData; fa: PostData }>;

/** Posts the anonymous REST listing must not show (English, in the energy category). */
export const HIDDEN = {
  draft: { status: 'draft', date: '2024-02-01 09:00:00' },
  private: { status: 'private', date: '2024-02-02 09:00:00' },
  pending: { status: 'pending', date: '2024-02-03 09:00:00' },
  future: { status: 'future', date: '2030-01-01 09:00:00' },
} as const;

export const PASSWORD = 'folio-secret';
export const IMAGE_ALT = 'Film screens between carpet stalls';

export interface Seeded {
  /** Category term ids by key and language. */
  categories: Record<Category, { en: number; fa: number }>;
  /** Post ids and slugs (post_name, percent-encoded when not ASCII) by key and language. */
  posts: Record<
    keyof typeof POSTS,
    { en: { id: number; slug: string }; fa: { id: number; slug: string } }
  >;
  /** A published post with no language. */
  noLanguage: { id: number; slug: string };
  /** The featured image of posts.festival.en, also in its body. */
  image: { id: number; url: string; alt: string };
  /** On posts.grid.en: two approved (reply's parent is first), one held. */
  comments: { approved: number; reply: number; held: number; post: number };
  hidden: Record<keyof typeof HIDDEN, number>;
  /** Published, with PASSWORD. */
  passwordProtected: { id: number; slug: string };
}

/** Creates the content above; resolves to the ids WordPress gave it. */
export async function seed(wp: WordPress): Promise<Seeded> {
  const data = JSON.stringify({ CATEGORIES, POSTS, HIDDEN, PASSWORD, IMAGE_ALT });
  const out = await wp.php(`
require_once ABSPATH . 'wp-admin/includes/image.php';
$data = json_decode(base64_decode('${Buffer.from(data).toString('base64')}'), true);
function folio_fail($what, $result) {
  fwrite(STDERR, $what . ': ' . (is_wp_error($result) ? $result->get_error_message() : var_export($result, true)));
  exit(1);
}
function folio_post($args, $lang) {
  $id = wp_insert_post($args + ['post_status' => 'publish', 'post_author' => 1], true);
  if (is_wp_error($id)) folio_fail('post ' . $args['post_title'], $id);
  if ($lang) pll_set_post_language($id, $lang);
  return $id;
}
$out = ['categories' => [], 'posts' => [], 'hidden' => []];

foreach ($data['CATEGORIES'] as $key => $names) {
  $ids = [];
  foreach ($names as $lang => $name) {
    $term = wp_insert_term($name, 'category', ['slug' => $lang === 'en' ? $key : $key . '-' . $lang]);
    if (is_wp_error($term)) folio_fail('category ' . $name, $term);
    pll_set_term_language($term['term_id'], $lang);
    $ids[$lang] = $term['term_id'];
  }
  pll_save_term_translations($ids);
  $out['categories'][$key] = $ids;
}

foreach ($data['POSTS'] as $key => $languages) {
  $ids = [];
  foreach ($languages as $lang => $post) {
    $id = folio_post([
      'post_title' => $post['title'],
      'post_name' => $post['slug'],
      'post_content' => $post['content'],
      'post_date' => $post['date'],
      'post_category' => [$out['categories'][$post['category']][$lang]],
    ], $lang);
    $ids[$lang] = $id;
    $out['posts'][$key][$lang] = ['id' => $id, 'slug' => get_post_field('post_name', $id)];
  }
  pll_save_post_translations($ids);
}

// The featured image: a small PNG in uploads, attached with alt text, also in the body.
$png = imagecreatetruecolor(64, 48);
imagefill($png, 0, 0, imagecolorallocate($png, 200, 120, 40));
ob_start(); imagepng($png); $bytes = ob_get_clean();
$upload = wp_upload_bits('festival.png', null, $bytes);
if ($upload['error']) folio_fail('upload', $upload['error']);
$festival = $out['posts']['festival']['en']['id'];
$image = wp_insert_attachment(['post_mime_type' => 'image/png', 'post_title' => 'Festival', 'post_status' => 'inherit'], $upload['file'], $festival, true);
if (is_wp_error($image)) folio_fail('attachment', $image);
wp_update_attachment_metadata($image, wp_generate_attachment_metadata($image, $upload['file']));
update_post_meta($image, '_wp_attachment_image_alt', $data['IMAGE_ALT']);
set_post_thumbnail($festival, $image);
wp_update_post(['ID' => $festival, 'post_content' => get_post_field('post_content', $festival) .
  "\\n<figure><img src=\\"" . esc_url($upload['url']) . "\\" alt=\\"" . esc_attr($data['IMAGE_ALT']) . "\\" width=\\"64\\" height=\\"48\\"></figure>"]);
$out['image'] = ['id' => $image, 'url' => $upload['url'], 'alt' => $data['IMAGE_ALT']];

// A post with no language, as if written before Polylang was activated.
$bare = folio_post(['post_title' => 'Written before Polylang', 'post_name' => 'before-polylang', 'post_content' => '<p>No language.</p>', 'post_date' => '2024-03-01 09:00:00'], null);
wp_set_object_terms($bare, [], 'language');
clean_object_term_cache($bare, 'post');
if (pll_get_post_language($bare)) folio_fail('language of the bare post', pll_get_post_language($bare));
$out['noLanguage'] = ['id' => $bare, 'slug' => get_post_field('post_name', $bare)];

foreach ($data['HIDDEN'] as $status => $post) {
  $out['hidden'][$status] = folio_post(['post_title' => ucfirst($status) . ' post', 'post_name' => $status . '-post', 'post_content' => '<p>Not for the public.</p>', 'post_status' => $post['status'], 'post_date' => $post['date'], 'post_category' => [$out['categories']['energy']['en']]], 'en');
}
$locked = folio_post(['post_title' => 'Members only', 'post_name' => 'members-only', 'post_content' => '<p>Behind a password.</p>', 'post_password' => $data['PASSWORD'], 'post_date' => '2024-02-10 09:00:00', 'post_category' => [$out['categories']['energy']['en']]], 'en');
$out['passwordProtected'] = ['id' => $locked, 'slug' => get_post_field('post_name', $locked)];

$grid = $out['posts']['grid']['en']['id'];
$comment = fn($args) => wp_insert_comment($args + ['comment_post_ID' => $grid, 'comment_author_email' => 'reader@example.org', 'comment_date' => '2024-03-06 10:00:00']);
$approved = $comment(['comment_author' => 'Sara', 'comment_content' => 'Will the old lines hold?', 'comment_approved' => 1]);
$reply = $comment(['comment_author' => 'Reza', 'comment_content' => 'They held last year.', 'comment_approved' => 1, 'comment_parent' => $approved, 'comment_date' => '2024-03-06 11:00:00']);
$held = $comment(['comment_author' => 'Spammy', 'comment_content' => 'Cheap watches.', 'comment_approved' => 0, 'comment_date' => '2024-03-06 12:00:00']);
$out['comments'] = ['approved' => $approved, 'reply' => $reply, 'held' => $held, 'post' => $grid];

echo json_encode($out);
`);
  return JSON.parse(out) as Seeded;
}
