// Reading a WordPress site's REST API: every page of a collection (posts, categories, comments),
// as many as the site says it has (X-WP-TotalPages), at the largest page size it allows.

const PAGE_SIZE = 100;

/** The largest `per_page` a site allows, from its 400 answer ("between 1 (inclusive) and 50"). */
function allowedPageSize(body) {
  const text = typeof body?.message === 'string' ? body.message : '';
  const max = /and\s+(\d+)/.exec(text)?.[1];
  return max ? Number(max) : undefined;
}

/**
 * Every item of a collection (e.g. …/wp/v2/posts?_embed=1), page by page. A site that caps
 * `per_page` below 100 answers the first request 400 with its limit: the export goes on at it.
 * @param {string} endpoint
 * @param {{ fetch?: typeof fetch, pageSize?: number }} [options]
 */
export async function fetchCollection(endpoint, options = {}) {
  const get = options.fetch ?? fetch;
  let pageSize = options.pageSize ?? PAGE_SIZE;
  const items = [];
  for (let page = 1, pages = 1; page <= pages; page++) {
    const url = new URL(endpoint);
    url.searchParams.set('per_page', String(pageSize));
    url.searchParams.set('page', String(page));
    const response = await get(url, { signal: AbortSignal.timeout(30_000) });
    if (response.status === 400 && page === 1) {
      const smaller = allowedPageSize(await response.json().catch(() => null));
      if (smaller && smaller < pageSize) {
        pageSize = smaller;
        page = 0; // again from the first page, at the site's size
        continue;
      }
    }
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const batch = await response.json();
    if (!Array.isArray(batch)) throw new Error(`${url}: expected a JSON array`);
    items.push(...batch);
    const total = Number(response.headers.get('x-wp-totalpages'));
    // Without the header, a short page is the last one.
    pages = Number.isFinite(total) && total > 0 ? total : batch.length < pageSize ? page : page + 1;
  }
  return items;
}

/** The REST collection beside the posts one: …/wp/v2/posts → …/wp/v2/<name>. */
export function siblingCollection(postsEndpoint, name) {
  const url = new URL(postsEndpoint);
  url.pathname = url.pathname.replace(/\/posts\/?$/, `/${name}`);
  url.search = '';
  return url.href;
}

/**
 * The site's default language, as the bridge plugin (wordpress/folio-bridge.php) puts it in the
 * REST API's index; undefined without the plugin or Polylang.
 */
export async function fetchDefaultLanguage(postsEndpoint, options = {}) {
  const index = new URL(postsEndpoint);
  index.pathname = index.pathname.replace(/wp\/v2\/posts\/?$/, '');
  index.search = '';
  try {
    const response = await (options.fetch ?? fetch)(index, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) return undefined;
    const language = (await response.json())?.folio?.default_language;
    return typeof language === 'string' && language ? language : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A whole site: its public posts with authors, terms and featured images embedded, its
 * categories (with Polylang's translations when the bridge plugin sends them) and its approved
 * comments, grouped by post.
 */
export async function fetchSite(postsEndpoint, options = {}) {
  const posts = new URL(postsEndpoint);
  posts.searchParams.set('_embed', '1');
  const [defaultLanguage, allPosts, terms, comments] = await Promise.all([
    fetchDefaultLanguage(postsEndpoint, options),
    fetchCollection(posts.href, options),
    fetchCollection(siblingCollection(postsEndpoint, 'categories'), options),
    fetchCollection(siblingCollection(postsEndpoint, 'comments'), options),
  ]);
  const byPost = new Map();
  for (const comment of comments) {
    byPost.set(comment.post, [...(byPost.get(comment.post) ?? []), comment]);
  }
  return { defaultLanguage, posts: allPosts, terms, comments: byPost };
}
