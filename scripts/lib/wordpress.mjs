// Turns WordPress REST posts (/wp/v2/posts?_embed, with Polylang's `lang` and `translations`)
// into Folio feed files. Pure functions: scripts/from-wordpress.mjs does the reading and writing.
import {
  categoriesOf,
  categoryTermsOf,
  commentsOf,
  languageOf,
  translationOf,
} from './wordpress-parts.mjs';
import { latinSlug, slugify } from './wordpress-text.mjs';

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'dv', 'yi']);

const gmt = (value) => `${String(value).replace(/Z$/, '')}Z`;

function languageName(code) {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

/** What a reader may see: published, and not behind a password (its body would be empty). */
const isPublic = (post) =>
  (post.status === undefined || post.status === 'publish') && post.content?.protected !== true;

/** A readable id from the group's slugs: the primary's, another language's, or spelled in Latin. */
function articleIdOf(group, primary, usedIds) {
  const slugs = [primary, ...group].map((post) => String(post.slug ?? ''));
  const base =
    slugs.map((slug) => slugify(slug)).find(Boolean) ||
    slugs.map((slug) => latinSlug(slug)).find(Boolean) ||
    `post-${primary.id}`;
  let id = base;
  for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
  usedIds.add(id);
  return id;
}

/**
 * Groups Polylang translations into articles: their summaries (newest first) and files, with the
 * feed's languages and categories. `options.existingId(postIds)` keeps an article's id from an
 * earlier export (an incremental update); new articles get one from their slugs.
 */
export function groupArticles(allPosts, options = {}) {
  const posts = allPosts.filter(isPublic);
  const byId = new Map(posts.map((post) => [post.id, post]));
  const counts = new Map();
  for (const post of posts) {
    const lang = languageOf(post);
    if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const defaultLanguage =
    options.defaultLanguage ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'en';
  // A post written before Polylang was activated has no language: the site's default is its.
  const langOf = (post) => languageOf(post) ?? defaultLanguage;
  const codes = [...new Set([defaultLanguage, ...posts.map(langOf)])];
  const terms = new Map((options.terms ?? []).map((term) => [term.id, term]));
  for (const term of posts.flatMap(categoryTermsOf)) {
    if (!terms.has(term.id)) terms.set(term.id, term);
  }

  const done = new Set();
  const usedIds = new Set(options.takenIds ?? []);
  const categories = new Map();
  const articles = [];
  for (const post of posts) {
    if (done.has(post.id)) continue;
    const linked =
      post.translations && typeof post.translations === 'object' ? post.translations : {};
    const group = Object.values(linked)
      .map((id) => byId.get(id))
      .filter(Boolean);
    if (!group.includes(post)) group.push(post);
    group.forEach((member) => done.add(member.id));
    // The default language first, then by code: the same file whatever order the site listed.
    group.sort((a, b) => {
      const [x, y] = [langOf(a), langOf(b)];
      if (x === y) return 0;
      return x === defaultLanguage ? -1 : y === defaultLanguage ? 1 : x < y ? -1 : 1;
    });
    const primary = group[0];
    const kept = options.existingId?.(group.map((member) => member.id));
    const id = kept ?? articleIdOf(group, primary, usedIds);

    const found = categoriesOf(group, primary, { defaultLanguage, terms });
    for (const [categoryId, names] of found.names) {
      categories.set(categoryId, { ...categories.get(categoryId), ...names });
    }

    const published = group.map((member) => gmt(member.date_gmt)).sort()[0];
    const updated = [
      published,
      ...group.map((member) => gmt(member.modified_gmt ?? member.date_gmt)),
    ]
      .sort()
      .at(-1);
    const translations = Object.fromEntries(
      group.map((member) => [langOf(member), translationOf(member)]),
    );
    const comments = options.comments
      ? commentsOf(group, options.comments, defaultLanguage)
      : undefined;
    articles.push({ id, published, updated, categories: found.ids, translations, comments });
  }

  articles.sort(newestFirst);
  const summaries = articles.map((article) => ({
    id: article.id,
    href: `articles/${article.id}.json`,
    published: article.published,
    updated: article.updated,
    categories: article.categories,
    translations: Object.fromEntries(
      Object.entries(article.translations).map(([code, t]) => [code, t.summary]),
    ),
  }));
  const files = articles.map((article) => ({
    version: 1,
    id: article.id,
    published: article.published,
    updated: article.updated,
    categories: article.categories,
    translations: Object.fromEntries(
      Object.entries(article.translations).map(([code, t]) => [code, t.article]),
    ),
    ...(article.comments ? { comments: article.comments } : {}),
  }));
  const languages = codes.map((code) => ({
    code,
    name: languageName(code),
    dir: RTL.has(code.split('-')[0]) ? 'rtl' : 'ltr',
  }));
  return { defaultLanguage, languages, categories, summaries, files };
}

export function newestFirst(a, b) {
  return a.published < b.published ? 1 : a.published > b.published ? -1 : 0;
}

/**
 * The feed's index pages: the first with the site, languages, categories (and withdrawn ids),
 * then `pageSize` summaries a page. The first page's `updated` is the newest change, or `now`
 * when given (an update that only withdrew articles).
 */
export function paginate(feed, options = {}) {
  const pageSize = options.pageSize ?? 50;
  const { summaries } = feed;
  const pages = [];
  for (let start = 0; start === 0 || start < summaries.length; start += pageSize) {
    const slice = summaries.slice(start, start + pageSize);
    const number = pages.length + 1;
    pages.push({
      version: 1,
      ...(number === 1
        ? {
            site: feed.site,
            languages: feed.languages,
            defaultLanguage: feed.defaultLanguage,
            categories: [...feed.categories].map(([id, name]) => ({ id, name })),
            ...(feed.removed?.length ? { removed: feed.removed } : {}),
          }
        : {}),
      updated:
        slice
          .map((s) => s.updated)
          .sort()
          .at(-1) ?? new Date(0).toISOString().replace('.000', ''),
      articles: slice,
      ...(start + pageSize < summaries.length ? { next: `index-${number + 1}.json` } : {}),
    });
  }
  // The first page's updated changes whenever any file of the feed changes.
  const newest = [...summaries.map((s) => s.updated), ...(options.now ? [options.now] : [])]
    .sort()
    .at(-1);
  if (newest && pages[0]) pages[0].updated = newest;
  return pages;
}

/**
 * Groups Polylang translations into articles and builds the feed.
 * @returns {{ pages: object[], articles: object[] }}
 */
export function convertPosts(allPosts, options = {}) {
  const grouped = groupArticles(allPosts, options);
  const site = {
    title: Object.fromEntries(
      grouped.languages.map(({ code }) => [code, options.siteTitle ?? 'Folio']),
    ),
    ...(options.homepage ? { homepage: options.homepage } : {}),
  };
  return { pages: paginate({ ...grouped, site }, options), articles: grouped.files };
}
