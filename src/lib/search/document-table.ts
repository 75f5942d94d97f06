// What the search index keeps per document number, beside its posting lists: which article and
// language it belongs to (as small numbers, so that ranking reads plain arrays), its categories
// and date, and what a result shows. A loaded index keeps titles and excerpts packed, and
// decodes a document's only when it is first shown or checked for a phrase (packed-docs.ts).
//
// Removing a document from every posting list would scan them all, so a removed or re-indexed
// article only loses its entry here; its stale numbers are skipped in results, dropped when the
// index is packed, and `stale` tells the owner when a rebuild pays.
import {
  packDocs,
  unpackDocs,
  type DocColumns,
  type DocText,
  type PackedDocs,
} from './packed-docs';
import type { SearchHit } from './search-types';

export class DocumentTable {
  /** Per article number, its id; and the reverse. */
  private articles: string[] = [];
  private articleNumbers = new Map<string, number>();
  private langs: string[] = [];
  private langNumbers = new Map<string, number>();
  /** Per article number, its live documents' numbers (empty once it is removed). */
  private docsOf: number[][] = [];
  /** Per document number. */
  private live: boolean[] = [];
  private articleOf: number[] = [];
  private langOf: number[] = [];
  private categoriesOf: string[][] = [];
  private publishedOf: string[] = [];
  /** Title and excerpt, per document number: undefined until a loaded one is first read. */
  private texts: (DocText | undefined)[] = [];
  /** The documents of the last load, and where each document number is among them. */
  private loaded: { columns: DocColumns; at: Uint32Array } | null = null;
  private liveCount = 0;
  private staleIds = 0;
  /** The next document number to give. */
  next = 1;

  /** Gives `hit` the next document number. */
  add(hit: SearchHit): number {
    const id = this.next++;
    const article = numberFor(this.articleNumbers, this.articles, hit.articleId);
    this.keep(id, article, numberFor(this.langNumbers, this.langs, hit.lang));
    this.categoriesOf[id] = hit.categories;
    this.publishedOf[id] = hit.published;
    this.texts[id] = { title: hit.title, excerpt: hit.excerpt };
    return id;
  }

  private keep(id: number, article: number, lang: number): void {
    this.live[id] = true;
    this.articleOf[id] = article;
    this.langOf[id] = lang;
    (this.docsOf[article] ??= []).push(id);
    this.liveCount++;
  }

  /** Forgets an article's documents; their numbers become stale. */
  remove(articleId: string): void {
    const article = this.articleNumbers.get(articleId);
    const ids = article === undefined ? undefined : this.docsOf[article];
    if (article === undefined || !ids || ids.length === 0) return;
    for (const id of ids) {
      this.live[id] = false;
      this.texts[id] = undefined;
    }
    this.docsOf[article] = [];
    this.liveCount -= ids.length;
    this.staleIds += ids.length;
  }

  has(articleId: string): boolean {
    const article = this.articleNumbers.get(articleId);
    return article !== undefined && (this.docsOf[article]?.length ?? 0) > 0;
  }

  *articleIds(): IterableIterator<string> {
    for (const [id, article] of this.articleNumbers) {
      if ((this.docsOf[article]?.length ?? 0) > 0) yield id;
    }
  }

  isLive(id: number): boolean {
    return this.live[id] === true;
  }

  /** What document `id` shows, undefined when it is stale. */
  hit(id: number): SearchHit | undefined {
    if (!this.isLive(id)) return undefined;
    return {
      articleId: this.articles[this.articleOf[id] as number] as string,
      lang: this.langs[this.langOf[id] as number] as string,
      categories: this.categoriesOf[id] as string[],
      published: this.publishedOf[id] as string,
      ...this.text(id),
    };
  }

  /** Title and excerpt of a live document. */
  text(id: number): DocText {
    return (this.texts[id] ??= this.packedText(id));
  }

  private packedText(id: number): DocText {
    const at = this.loaded?.at[id] ?? 0;
    return at === 0 ? { title: '', excerpt: '' } : this.loaded!.columns.text(at - 1);
  }

  published(id: number): string {
    return this.publishedOf[id] as string;
  }

  categories(id: number): readonly string[] {
    return this.categoriesOf[id] ?? [];
  }

  articleNumber(id: number): number {
    return this.articleOf[id] as number;
  }

  langNumber(id: number): number {
    return this.langOf[id] as number;
  }

  /** The number of `lang`, or -1 if no document is in it. */
  langNumberOf(lang: string): number {
    return this.langNumbers.get(lang) ?? -1;
  }

  /** Per language number, 1 if that language is `lowered` in any case. */
  langsMatching(lowered: string): Uint8Array {
    return Uint8Array.from(this.langs, (lang) => (lang.toLowerCase() === lowered ? 1 : 0));
  }

  /** Article numbers given so far: every article number is below it. */
  get articleCount(): number {
    return this.articles.length;
  }

  get size(): number {
    return this.liveCount;
  }

  get stale(): number {
    return this.staleIds;
  }

  clear(): void {
    this.articles = [];
    this.articleNumbers.clear();
    this.langs = [];
    this.langNumbers.clear();
    this.docsOf = [];
    this.live = [];
    this.articleOf = [];
    this.langOf = [];
    this.categoriesOf = [];
    this.publishedOf = [];
    this.texts = [];
    this.loaded = null;
    this.liveCount = 0;
    this.staleIds = 0;
    this.next = 1;
  }

  /** The numbers of the live documents (the first `limit`), in the order they were added. */
  ids(limit = Infinity): number[] {
    const ids: number[] = [];
    for (let id = 0; id < this.next && ids.length < limit; id++) {
      if (this.live[id] === true) ids.push(id);
    }
    return ids;
  }

  /** Documents `ids`, in that order, packed (without keeping texts it decodes to pack them). */
  pack(ids: readonly number[]): PackedDocs {
    return packDocs(
      ids.map((id) => ({
        articleId: this.articles[this.articleOf[id] as number] as string,
        lang: this.langs[this.langOf[id] as number] as string,
        categories: this.categories(id),
        published: this.published(id),
        ...(this.texts[id] ?? this.packedText(id)),
      })),
    );
  }

  /**
   * Replaces the contents with packed documents numbered `docIds`, below `next` (throws, leaving
   * the table empty, if they do not fit).
   */
  load(docIds: Uint32Array, packed: PackedDocs, next: number): void {
    this.clear();
    const columns = unpackDocs(packed);
    if (docIds.length !== columns.count) throw new Error('Packed documents do not match');
    // Filled, not sparse: ranking reads them by document number in its inner loop.
    this.live = new Array<boolean>(next).fill(false);
    this.articleOf = new Array<number>(next).fill(0);
    this.langOf = new Array<number>(next).fill(0);
    this.articles = columns.articles;
    columns.articles.forEach((id, article) => this.articleNumbers.set(id, article));
    this.langs = columns.langs;
    columns.langs.forEach((lang, number) => this.langNumbers.set(lang, number));
    const at = new Uint32Array(next);
    docIds.forEach((id, position) => {
      if (id >= next || this.live[id]) {
        this.clear();
        throw new Error('Packed document numbers do not match');
      }
      this.keep(id, columns.articleOf[position] as number, columns.langOf[position] as number);
      this.categoriesOf[id] = columns.categoriesOf[position] as string[];
      this.publishedOf[id] = columns.published[position] as string;
      at[id] = position + 1;
    });
    this.loaded = { columns, at };
    this.next = next;
  }
}

function numberFor(numbers: Map<string, number>, names: string[], name: string): number {
  let number = numbers.get(name);
  if (number === undefined) {
    number = names.push(name) - 1;
    numbers.set(name, number);
  }
  return number;
}
