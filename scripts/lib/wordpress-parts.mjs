// The pieces of one Folio article taken from WordPress posts: a translation (title, kind, lead,
// author, excerpt, featured image), the comments, and each category's id and names.
import {
  firstWords,
  isAutomaticExcerpt,
  liftFromBody,
  plainText,
  slugify,
} from './wordpress-text.mjs';

const gmt = (value) => `${String(value).replace(/Z$/, '')}Z`;

/** A post's Polylang language (the bridge plugin's `lang`), or null when it has none. */
export function languageOf(post) {
  return typeof post.lang === 'string' && post.lang.length > 0 ? post.lang : null;
}

/** The post's featured image (embedded with `_embed`), as the feed's lead image. */
function imageOf(post) {
  const media = post._embedded?.['wp:featuredmedia']?.[0];
  if (!media || typeof media.source_url !== 'string') return undefined;
  const caption = plainText(media.caption?.rendered ?? '');
  return {
    src: media.source_url,
    alt: typeof media.alt_text === 'string' ? media.alt_text : '',
    ...(caption ? { caption } : {}),
  };
}

/** One translation of an article, from one post. */
export function translationOf(post) {
  const content = post.content?.rendered ?? '';
  const lifted = liftFromBody(content);
  const embeddedAuthor = post._embedded?.author?.[0]?.name;
  const author =
    lifted.author ?? (embeddedAuthor ? { name: plainText(embeddedAuthor) } : undefined);
  const title = plainText(post.title?.rendered ?? '') || `#${post.id}`;
  // WordPress's automatic excerpt repeats the body's opening (site name, kind, byline): the
  // lifted lead says it better, else the first words of what the body says after them.
  const written = plainText(post.excerpt?.rendered ?? '');
  const bodyStart = firstWords(plainText(lifted.body));
  const excerpt =
    written && !isAutomaticExcerpt(written, content) ? written : (lifted.lead ?? bodyStart);
  const image = imageOf(post);
  const shared = {
    title,
    ...(lifted.kind ? { kind: lifted.kind } : {}),
    ...(author ? { author } : {}),
    ...(post.link ? { url: post.link } : {}),
  };
  return {
    summary: { ...shared, ...(excerpt ? { excerpt } : {}) },
    article: {
      ...shared,
      ...(lifted.lead ? { lead: lifted.lead } : {}),
      body: lifted.body,
      ...(image ? { image } : {}),
      postId: post.id,
    },
  };
}

// Marks for the breaks a comment keeps: private-use characters, which plainText does not take for
// whitespace to collapse.
const PARAGRAPH_MARK = '\uE000';
const LINE_MARK = '\uE001';

/** A comment's HTML as plain text, its paragraphs and line breaks kept. */
function commentText(html) {
  const marked = html
    .replace(/<\/p>\s*<p[^>]*>/gi, PARAGRAPH_MARK)
    .replace(/<br\s*\/?>\s*/gi, LINE_MARK);
  return plainText(marked).replaceAll(PARAGRAPH_MARK, '\n\n').replaceAll(LINE_MARK, '\n');
}

/**
 * The article's comments from the approved comments of its posts (`byPost`: post id → REST
 * comments), oldest first, replies pointing at their parents; open when any translation is.
 */
export function commentsOf(group, byPost, defaultLanguage) {
  const items = group
    .flatMap((post) =>
      (byPost.get(post.id) ?? []).map((comment) => ({
        id: `c${comment.id}`,
        ...(comment.parent ? { parent: `c${comment.parent}` } : {}),
        author: {
          name: plainText(comment.author_name ?? '') || '—',
          ...(comment.author_url ? { url: comment.author_url } : {}),
        },
        date: gmt(comment.date_gmt ?? comment.date),
        body: commentText(comment.content?.rendered ?? ''),
        language: languageOf(post) ?? defaultLanguage,
      })),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const open = group.some((post) => post.comment_status === 'open');
  return { open, count: items.length, items };
}

export function categoryTermsOf(post) {
  const groups = post._embedded?.['wp:term'] ?? [];
  return groups.flat().filter((term) => term?.taxonomy === 'category');
}

/**
 * Category ids and names of a group of translations. With Polylang's term translations (the
 * bridge plugin's `translations` on terms, embedded or from `terms`), each term goes to the
 * category of its default-language translation; a site without them is matched by position,
 * which is right only when each language's terms sort alike.
 */
export function categoriesOf(group, primary, { defaultLanguage, terms }) {
  const idOf = (term) => {
    const counterpart = term.translations?.[defaultLanguage];
    const own = (counterpart !== undefined && terms.get(counterpart)) || term;
    return slugify(own.slug || own.name);
  };
  const primaryTerms = categoryTermsOf(primary);
  const translated = primaryTerms.some((term) => term.translations);
  const ids = primaryTerms.map((term) =>
    translated ? idOf(term) : slugify(term.slug || term.name),
  );
  /** @type {Map<string, Record<string, string>>} */
  const names = new Map();
  for (const member of group) {
    const lang = languageOf(member) ?? defaultLanguage;
    categoryTermsOf(member).forEach((term, index) => {
      const id = translated ? idOf(term) : ids[index];
      if (!id) return;
      names.set(id, { ...names.get(id), [lang]: plainText(term.name) });
    });
  }
  return { ids: [...new Set(ids.filter(Boolean))], names };
}
