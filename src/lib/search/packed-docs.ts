// What the persisted index keeps per document, in columns. Stored as an array of hit objects,
// 100,000 documents took Chromium 2 to 3 s to read back and V8 half a second to deserialise in
// node: every object and string is a value to rebuild. Here ranking's columns (article,
// language, categories, published) are numbers and one JSON string of names, and what only a
// shown result needs (title and excerpt) stays UTF-8, decoded per document when first shown.
export interface PackedDocs {
  /** JSON of PackedNames: what the number columns refer to. */
  names: string;
  /** Per document, its article's number in `articles`. */
  articleOf: Uint32Array;
  /** Per document, its language's number in `langs`. */
  langOf: Uint32Array;
  /** Per document, how many categories it has; their numbers follow each other in `categories`. */
  categoryCounts: Uint16Array;
  categories: Uint32Array;
  /** Title and excerpt of every document in UTF-8, one after another. */
  texts: Uint8Array;
  /** Per document, where its title and excerpt end in `texts`, in bytes. */
  textEnds: Uint32Array;
  /** Per document, how long its title is, in UTF-16 code units: the excerpt follows it. */
  titleLengths: Uint32Array;
}

interface PackedNames {
  articles: string[];
  langs: string[];
  categories: string[];
  /** Per document. */
  published: string[];
}

export interface DocText {
  title: string;
  excerpt: string;
}

/** One document as `packDocs` takes it: a search hit. */
export interface DocColumnsEntry extends DocText {
  articleId: string;
  lang: string;
  categories: readonly string[];
  published: string;
}

/** A lone surrogate, which UTF-8 cannot carry: replaced by U+FFFD, which keeps the length. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function packDocs(docs: readonly DocColumnsEntry[]): PackedDocs {
  const names: PackedNames = { articles: [], langs: [], categories: [], published: [] };
  const numbers = { articles: new Map(), langs: new Map(), categories: new Map() };
  const numberOf = (kind: keyof typeof numbers, name: string): number => {
    let number = numbers[kind].get(name) as number | undefined;
    if (number === undefined) {
      number = names[kind].push(name) - 1;
      numbers[kind].set(name, number);
    }
    return number;
  };
  const count = docs.length;
  const packed = {
    articleOf: new Uint32Array(count),
    langOf: new Uint32Array(count),
    categoryCounts: new Uint16Array(count),
    textEnds: new Uint32Array(count),
    titleLengths: new Uint32Array(count),
  };
  const categories: number[] = [];
  const encoder = new TextEncoder();
  const encoded: Uint8Array[] = [];
  let bytes = 0;
  docs.forEach((doc, at) => {
    packed.articleOf[at] = numberOf('articles', doc.articleId);
    packed.langOf[at] = numberOf('langs', doc.lang);
    const own = doc.categories.slice(0, 0xffff);
    packed.categoryCounts[at] = own.length;
    for (const category of own) categories.push(numberOf('categories', category));
    names.published.push(doc.published);
    const text = encoder.encode(`${doc.title}${doc.excerpt}`.replace(LONE_SURROGATE, '\uFFFD'));
    encoded.push(text);
    bytes += text.length;
    packed.textEnds[at] = bytes;
    packed.titleLengths[at] = doc.title.length;
  });
  const texts = new Uint8Array(bytes);
  let at = 0;
  for (const text of encoded) {
    texts.set(text, at);
    at += text.length;
  }
  return {
    ...packed,
    names: JSON.stringify(names),
    categories: Uint32Array.from(categories),
    texts,
  };
}

/** The columns of packed documents, checked: throws when they are torn. */
export interface DocColumns {
  count: number;
  articles: string[];
  langs: string[];
  articleOf: Uint32Array;
  langOf: Uint32Array;
  /** Per document, its categories' names. */
  categoriesOf: string[][];
  published: string[];
  /** Title and excerpt of document `at` (its position, not its number). */
  text(at: number): DocText;
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function parseNames(json: string): PackedNames {
  const names: unknown = JSON.parse(json);
  if (typeof names !== 'object' || names === null) throw new Error('Packed names are torn');
  const { articles, langs, categories, published } = names as Record<string, unknown>;
  if (!isStrings(articles) || !isStrings(langs) || !isStrings(categories)) {
    throw new Error('Packed names are torn');
  }
  if (!isStrings(published)) throw new Error('Packed names are torn');
  return { articles, langs, categories, published };
}

export function unpackDocs(packed: PackedDocs): DocColumns {
  const names = parseNames(packed.names);
  const count = packed.articleOf.length;
  const { langOf, categoryCounts, textEnds, titleLengths, texts } = packed;
  const torn = (): never => {
    throw new Error('Packed documents are torn');
  };
  if ([langOf, categoryCounts, textEnds, titleLengths].some((column) => column.length !== count)) {
    torn();
  }
  if (names.published.length !== count) torn();
  if (packed.articleOf.some((number) => number >= names.articles.length)) torn();
  if (langOf.some((number) => number >= names.langs.length)) torn();
  const categoriesOf = new Array<string[]>(count);
  let next = 0;
  for (let at = 0; at < count; at++) {
    const own = new Array<string>(categoryCounts[at] as number);
    for (let i = 0; i < own.length; i++) {
      own[i] = names.categories[packed.categories[next++] ?? Infinity] ?? torn();
    }
    categoriesOf[at] = own;
  }
  if (next !== packed.categories.length) torn();
  let previous = 0;
  for (const end of textEnds) {
    if (end < previous) torn();
    previous = end;
  }
  if (previous !== texts.length) torn();
  const decoder = new TextDecoder();
  return {
    count,
    articles: names.articles,
    langs: names.langs,
    articleOf: packed.articleOf,
    langOf,
    categoriesOf,
    published: names.published,
    text(at) {
      const start = at === 0 ? 0 : (textEnds[at - 1] as number);
      const both = decoder.decode(texts.subarray(start, textEnds[at]));
      const titleLength = titleLengths[at] as number;
      return { title: both.slice(0, titleLength), excerpt: both.slice(titleLength) };
    },
  };
}
