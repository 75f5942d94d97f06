import * as v from 'valibot';

/** The feed format version this client reads. */
export const FEED_VERSION = 1;

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// RFC 3339 date-time: a date, a time, and a `Z` or a numeric offset.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
// BCP 47 in its common shape: a primary subtag and optional 1–8 character subtags.
const BCP47 = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

const Text = v.string('must be a string');
const NonEmptyText = v.pipe(Text, v.trim(), v.minLength(1, 'must not be empty'));

export const Id = v.pipe(Text, v.regex(ID_PATTERN, 'must match [a-z0-9]+(-[a-z0-9]+)*'));

export const DateTime = v.pipe(
  Text,
  v.regex(RFC3339, 'must be an RFC 3339 date-time with Z or an offset'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'is not a real date'),
);

const Url = v.pipe(Text, v.url('must be an absolute URL'));
const LanguageMap = v.record(v.string(), Text, 'must map language codes to strings');

export const Language = v.object({
  code: v.pipe(Text, v.regex(BCP47, 'must be a BCP 47 language tag')),
  name: NonEmptyText,
  dir: v.optional(v.picklist(['ltr', 'rtl'], 'must be "ltr" or "rtl"'), 'ltr'),
});

export const Category = v.object({
  id: Id,
  name: v.optional(LanguageMap, {}),
});

export const Author = v.object({
  name: NonEmptyText,
  role: v.optional(Text),
  url: v.optional(Text),
});

export const SummaryTranslation = v.object({
  title: NonEmptyText,
  kind: v.optional(Text),
  excerpt: v.optional(Text),
  author: v.optional(Author),
  url: v.optional(Url),
});

export const Summary = v.object({
  id: Id,
  href: NonEmptyText,
  published: DateTime,
  updated: DateTime,
  categories: v.optional(v.array(Text), []),
  translations: v.record(v.string(), SummaryTranslation, 'must map language codes to texts'),
});

/** The top level of an index page; articles are checked one by one, so one bad entry skips alone. */
export const IndexPage = v.object({
  version: v.pipe(v.number('must be a number'), v.integer('must be an integer')),
  site: v.optional(
    v.object({
      title: LanguageMap,
      homepage: v.optional(Url),
    }),
  ),
  languages: v.optional(v.pipe(v.array(Language), v.minLength(1, 'must list at least one'))),
  defaultLanguage: v.optional(Text),
  categories: v.optional(v.array(Category)),
  updated: DateTime,
  articles: v.array(v.unknown(), 'must be an array'),
  next: v.nullish(NonEmptyText),
  removed: v.optional(v.array(Text)),
  purged: v.optional(v.array(Text)),
});

export const Image = v.object({
  src: NonEmptyText,
  alt: Text,
  caption: v.optional(Text),
});

export const ArticleTranslation = v.object({
  title: NonEmptyText,
  kind: v.optional(Text),
  lead: v.optional(Text),
  author: v.optional(Author),
  body: Text,
  image: v.optional(Image),
  url: v.optional(Url),
  postId: v.optional(v.union([Text, v.number()], 'must be a string or a number')),
});

export const Comment = v.object({
  id: NonEmptyText,
  parent: v.optional(Text),
  author: v.object({ name: Text, url: v.optional(Text) }),
  date: DateTime,
  body: Text,
  language: v.optional(Text),
});

export const Comments = v.object({
  open: v.boolean('must be true or false'),
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  items: v.array(Comment),
});

export const ArticleFile = v.object({
  version: v.pipe(v.number('must be a number'), v.integer('must be an integer')),
  id: Id,
  published: DateTime,
  updated: DateTime,
  categories: v.optional(v.array(Text), []),
  translations: v.record(v.string(), ArticleTranslation, 'must map language codes to texts'),
  comments: v.optional(Comments),
});

export type Language = v.InferOutput<typeof Language>;
export type Category = v.InferOutput<typeof Category>;
export type Author = v.InferOutput<typeof Author>;
export type SummaryTranslation = v.InferOutput<typeof SummaryTranslation>;
export type Summary = v.InferOutput<typeof Summary>;
export type IndexPage = v.InferOutput<typeof IndexPage>;
export type ArticleTranslation = v.InferOutput<typeof ArticleTranslation>;
export type Comment = v.InferOutput<typeof Comment>;
export type Comments = v.InferOutput<typeof Comments>;
export type ArticleFile = v.InferOutput<typeof ArticleFile>;
