// An incremental export (`feed:from-wordpress --update DIR`): only the posts modified since the
// feed's `updated` are read, with their translations; only the articles they change are
// rewritten, under the ids they already had; posts gone from the site (trashed, unpublished)
// withdraw their article into the first page's `removed`.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fetchCollection, siblingCollection } from './wordpress-fetch.mjs';
import { groupArticles, newestFirst, paginate } from './wordpress.mjs';

/** WordPress compares `modified_after` with its local time: a day's margin covers any zone. */
const MARGIN_MS = 24 * 60 * 60 * 1000;
const INCLUDE_CHUNK = 100;

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** The feed an earlier export wrote: its pages, its summaries, and each article's post ids. */
export async function readExport(dir) {
  const pages = [];
  for (let name = 'index.json'; name; name = pages.at(-1)?.next) {
    pages.push(JSON.parse(await readFile(path.join(dir, name), 'utf8')));
  }
  const summaries = pages.flatMap((page) => page.articles);
  const postIds = new Map();
  for (const summary of summaries) {
    const file = JSON.parse(
      await readFile(path.join(dir, 'articles', `${summary.id}.json`), 'utf8'),
    );
    const ids = Object.values(file.translations).map((translation) => translation.postId);
    postIds.set(
      summary.id,
      ids.filter((id) => id !== undefined),
    );
  }
  return { first: pages[0], pageCount: pages.length, summaries, postIds };
}

function withParams(endpoint, params) {
  const url = new URL(endpoint);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

async function fetchByIds(endpoint, param, ids, extra, options) {
  const found = [];
  for (let start = 0; start < ids.length; start += INCLUDE_CHUNK) {
    const chunk = ids.slice(start, start + INCLUDE_CHUNK).join(',');
    found.push(
      ...(await fetchCollection(withParams(endpoint, { ...extra, [param]: chunk }), options)),
    );
  }
  return found;
}

/** Writes a file only when its text changed; says whether it did. */
async function writeIfChanged(file, text) {
  const before = await readFile(file, 'utf8').catch(() => null);
  if (before === text) return false;
  await writeFile(file, text);
  return true;
}

/**
 * Reads what changed on the site since the export in `dir` and returns the new feed: its pages,
 * the article files to write, and the ids withdrawn. `options.fetch` replaces the network.
 */
export async function readChanges(endpoint, dir, options = {}) {
  const previous = await readExport(dir);
  const since = new Date(Date.parse(previous.first.updated) - MARGIN_MS).toISOString();
  const [changed, live, terms] = await Promise.all([
    fetchCollection(withParams(endpoint, { _embed: '1', modified_after: since }), options),
    fetchCollection(withParams(endpoint, { _fields: 'id' }), options),
    fetchCollection(siblingCollection(endpoint, 'categories'), options),
  ]);
  const liveIds = new Set(live.map((post) => post.id));
  const articleOfPost = new Map();
  for (const [id, postIds] of previous.postIds)
    for (const postId of postIds) articleOfPost.set(postId, id);

  // Articles to build again: those with a changed post, and those that lost one.
  const touched = new Set(changed.map((post) => articleOfPost.get(post.id)).filter(Boolean));
  for (const [id, postIds] of previous.postIds) {
    if (postIds.some((postId) => !liveIds.has(postId))) touched.add(id);
  }
  const needed = new Set();
  for (const id of touched) for (const postId of previous.postIds.get(id) ?? []) needed.add(postId);
  for (const post of changed)
    for (const sibling of Object.values(post.translations || {})) needed.add(sibling);
  for (const post of changed) needed.delete(post.id);
  const wanted = [...needed].filter((postId) => liveIds.has(postId));
  const siblings = await fetchByIds(endpoint, 'include', wanted, { _embed: '1' }, options);
  const posts = [...changed, ...siblings];
  const comments = new Map();
  const commentList = await fetchByIds(
    siblingCollection(endpoint, 'comments'),
    'post',
    posts.map((post) => post.id),
    {},
    options,
  );
  for (const comment of commentList)
    comments.set(comment.post, [...(comments.get(comment.post) ?? []), comment]);

  const grouped = groupArticles(posts, {
    terms,
    comments,
    defaultLanguage: previous.first.defaultLanguage,
    takenIds: previous.summaries.map((summary) => summary.id),
    existingId: (postIds) => postIds.map((postId) => articleOfPost.get(postId)).find(Boolean),
  });
  const rebuilt = new Set(grouped.summaries.map((summary) => summary.id));
  const withdrawn = [...touched].filter((id) => !rebuilt.has(id));
  const summaries = [
    ...previous.summaries.filter((summary) => !touched.has(summary.id) && !rebuilt.has(summary.id)),
    ...grouped.summaries,
  ].sort(newestFirst);
  const categories = new Map(
    previous.first.categories.map((category) => [category.id, category.name]),
  );
  for (const [id, names] of grouped.categories)
    categories.set(id, { ...categories.get(id), ...names });
  const languages = [...previous.first.languages];
  for (const language of grouped.languages) {
    if (!languages.some((known) => known.code === language.code)) languages.push(language);
  }
  const removed = [...new Set([...(previous.first.removed ?? []), ...withdrawn])].filter(
    (id) => !rebuilt.has(id),
  );
  return {
    previous,
    feed: { ...previous.first, languages, categories, summaries, removed },
    files: grouped.files,
    withdrawn,
  };
}

/** Writes an update: the changed article files and pages only, and drops withdrawn files. */
export async function writeUpdate(dir, update, options = {}) {
  const pages = paginate(update.feed, {
    pageSize: options.pageSize,
    now:
      update.withdrawn.length > 0
        ? (options.now ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z'))
        : undefined,
  });
  let articles = 0;
  for (const file of update.files) {
    if (await writeIfChanged(path.join(dir, 'articles', `${file.id}.json`), json(file))) articles++;
  }
  for (const id of update.withdrawn)
    await rm(path.join(dir, 'articles', `${id}.json`), { force: true });
  for (const [index, page] of pages.entries()) {
    await writeIfChanged(
      path.join(dir, index === 0 ? 'index.json' : `index-${index + 1}.json`),
      json(page),
    );
  }
  for (let extra = pages.length + 1; extra <= update.previous.pageCount; extra++) {
    await rm(path.join(dir, `index-${extra}.json`), { force: true });
  }
  return { articles, withdrawn: update.withdrawn.length, pages: pages.length };
}
