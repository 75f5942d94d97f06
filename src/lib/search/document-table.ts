// What the search index keeps per document number, beside its posting lists: what a result
// shows, which article it belongs to, and its language as a small number, so that ranking reads
// plain arrays rather than the hit objects scattered across the heap.
//
// Removing a document from every posting list would scan them all, so a removed or re-indexed
// article only loses its entry here; its stale numbers are skipped in results, dropped when the
// index is packed, and `stale` tells the owner when a rebuild pays.
import type { SearchHit } from './search-types';

export class DocumentTable {
  /** What each document number shows; undefined once removed. */
  private docs: (SearchHit | undefined)[] = [];
  /** Per document number, its article's number (in `articleNumbers`): one hit per article. */
  private articleOf: number[] = [];
  /** Per document number, its language's number (in `langNumbers`). */
  private langOf: number[] = [];
  private articleNumbers = new Map<string, number>();
  private langNumbers = new Map<string, number>();
  private byArticle = new Map<string, number[]>();
  private live = 0;
  private staleIds = 0;
  /** The next document number to give. */
  next = 1;

  /** Gives `hit` the next document number. */
  add(hit: SearchHit): number {
    const id = this.next++;
    this.keep(id, hit);
    return id;
  }

  private keep(id: number, hit: SearchHit): void {
    this.docs[id] = hit;
    this.articleOf[id] = numberFor(this.articleNumbers, hit.articleId);
    this.langOf[id] = numberFor(this.langNumbers, hit.lang);
    const ids = this.byArticle.get(hit.articleId);
    if (ids) ids.push(id);
    else this.byArticle.set(hit.articleId, [id]);
    this.live++;
  }

  /** Forgets an article's documents; their numbers become stale. */
  remove(articleId: string): void {
    const ids = this.byArticle.get(articleId);
    if (!ids) return;
    for (const id of ids) this.docs[id] = undefined;
    this.byArticle.delete(articleId);
    this.live -= ids.length;
    this.staleIds += ids.length;
  }

  has(articleId: string): boolean {
    return this.byArticle.has(articleId);
  }

  articleIds(): IterableIterator<string> {
    return this.byArticle.keys();
  }

  /** What document `id` shows, undefined when it is stale. */
  hit(id: number): SearchHit | undefined {
    return this.docs[id];
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

  /** Article numbers given so far: every article number is below it. */
  get articleCount(): number {
    return this.articleNumbers.size;
  }

  get size(): number {
    return this.live;
  }

  get stale(): number {
    return this.staleIds;
  }

  clear(): void {
    this.docs = [];
    this.articleOf = [];
    this.langOf = [];
    this.articleNumbers.clear();
    this.langNumbers.clear();
    this.byArticle.clear();
    this.live = 0;
    this.staleIds = 0;
    this.next = 1;
  }

  /** The numbers of the live documents (the first `limit`), in the order they were added. */
  ids(limit = Infinity): number[] {
    const ids: number[] = [];
    for (let id = 0; id < this.docs.length && ids.length < limit; id++) {
      if (this.docs[id] !== undefined) ids.push(id);
    }
    return ids;
  }

  /**
   * Replaces the contents with documents `docs` numbered `docIds`, below `next` (throws, leaving
   * the table empty, if they do not fit).
   */
  load(docIds: Uint32Array, docs: SearchHit[], next: number): void {
    this.clear();
    if (docIds.length !== docs.length) throw new Error('Packed documents do not match');
    // Filled, not sparse: ranking reads them by document number in its inner loop.
    this.docs = new Array<SearchHit | undefined>(next).fill(undefined);
    this.articleOf = new Array<number>(next).fill(0);
    this.langOf = new Array<number>(next).fill(0);
    docIds.forEach((id, at) => {
      if (id >= next || this.docs[id] !== undefined) {
        this.clear();
        throw new Error('Packed document numbers do not match');
      }
      this.keep(id, docs[at] as SearchHit);
    });
    this.next = next;
  }
}

function numberFor(numbers: Map<string, number>, key: string): number {
  let number = numbers.get(key);
  if (number === undefined) {
    number = numbers.size;
    numbers.set(key, number);
  }
  return number;
}
