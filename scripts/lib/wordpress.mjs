// Turns WordPress REST posts (/wp/v2/posts?_embed, with Polylang's `lang` and `translations`)
// into Folio feed files. Pure functions: scripts/from-wordpress.mjs does the reading and writing.
import { liftFromBody, plainText, slugify } from './wordpress-text.mjs';

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

function categoriesOf(post) {
  const groups = post._embedded?.['wp:term'] ?? [];
  return groups.flat().filter((term) => term?.taxonomy === 'category');
}

/** One translation of an article, from one post. */
function translationOf(post) {
  const lifted = liftFromBody(post.content?.rendered ?? '');
  const embeddedAuthor = post._embedded?.author?.[0]?.name;
  const author =
    lifted.author ?? (embeddedAuthor ? { name: plainText(embeddedAuthor) } : undefined);
  const excerpt = plainText(post.excerpt?.rendered ?? '');
  return {
    summary: {
      title: plainText(post.title?.rendered ?? '') || `#${post.id}`,
      ...(lifted.kind ? { kind: lifted.kind } : {}),
      ...(excerpt ? { excerpt } : lifted.lead ? { excerpt: lifted.lead } : {}),
      ...(author ? { author } : {}),
      ...(post.link ? { url: post.link } : {}),
    },
    article: {
      title: plainText(post.title?.rendered ?? '') || `#${post.id}`,
      ...(lifted.kind ? { kind: lifted.kind } : {}),
      ...(lifted.lead ? { lead: lifted.lead } : {}),
      ...(author ? { author } : {}),
      body: lifted.body,
      ...(post.link ? { url: post.link } : {}),
      postId: post.id,
    },
  };
}

/**
 * Groups Polylang translations into articles and builds the feed.
 * @returns {{ pages: object[], articles: object[] }}
 */
export function convertPosts(posts, options = {}) {
  const pageSize = options.pageSize ?? 50;
  const byId = new Map(posts.map((post) => [post.id, post]));
  const counts = new Map();
  for (const post of posts) counts.set(post.lang ?? 'en', (counts.get(post.lang ?? 'en') ?? 0) + 1);
  const codes = [...counts.keys()];
  const defaultLanguage =
    options.defaultLanguage ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'en';

  const done = new Set();
  const usedIds = new Set();
  const categories = new Map();
  const articles = [];
  for (const post of posts) {
    if (done.has(post.id)) continue;
    const group = Object.values(post.translations ?? { [post.lang ?? 'en']: post.id })
      .map((id) => byId.get(id))
      .filter(Boolean);
    if (!group.includes(post)) group.push(post);
    group.forEach((member) => done.add(member.id));
    const primary = group.find((member) => (member.lang ?? 'en') === defaultLanguage) ?? group[0];

    let id = slugify(primary.slug ?? '') || `post-${primary.id}`;
    for (let n = 2; usedIds.has(id); n++) id = `${slugify(primary.slug ?? '') || 'post'}-${n}`;
    usedIds.add(id);

    const primaryTerms = categoriesOf(primary);
    const categoryIds = primaryTerms.map((term) => slugify(term.slug || term.name)).filter(Boolean);
    for (const member of group) {
      categoriesOf(member).forEach((term, index) => {
        const categoryId = categoryIds[index];
        if (!categoryId) return;
        const names = categories.get(categoryId) ?? {};
        names[member.lang ?? 'en'] = plainText(term.name);
        categories.set(categoryId, names);
      });
    }

    const published = group.map((member) => gmt(member.date_gmt)).sort()[0];
    const updated = [
      published,
      ...group.map((member) => gmt(member.modified_gmt ?? member.date_gmt)),
    ]
      .sort()
      .at(-1);
    const translations = Object.fromEntries(
      group.map((member) => [member.lang ?? 'en', translationOf(member)]),
    );
    articles.push({ id, published, updated, categories: [...new Set(categoryIds)], translations });
  }

  articles.sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
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
  }));

  const pages = [];
  for (let start = 0; start === 0 || start < summaries.length; start += pageSize) {
    const slice = summaries.slice(start, start + pageSize);
    const number = pages.length + 1;
    const page = {
      version: 1,
      ...(number === 1
        ? {
            site: {
              title: Object.fromEntries(codes.map((code) => [code, options.siteTitle ?? 'Folio'])),
              ...(options.homepage ? { homepage: options.homepage } : {}),
            },
            languages: codes.map((code) => ({
              code,
              name: languageName(code),
              dir: RTL.has(code.split('-')[0]) ? 'rtl' : 'ltr',
            })),
            defaultLanguage,
            categories: [...categories].map(([categoryId, name]) => ({ id: categoryId, name })),
          }
        : {}),
      updated:
        slice
          .map((s) => s.updated)
          .sort()
          .at(-1) ?? new Date(0).toISOString().replace('.000', ''),
      articles: slice,
      ...(start + pageSize < summaries.length ? { next: `index-${number + 1}.json` } : {}),
    };
    pages.push(page);
  }
  // The first page's updated changes whenever any file of the feed changes.
  const newest = summaries
    .map((s) => s.updated)
    .sort()
    .at(-1);
  if (newest && pages[0]) pages[0].updated = newest;
  return { pages, articles: files };
}
