// Which scored documents a query may show: live, in the filters' language and category, and of
// no article with a left-out word ("-nato" leaves out the article whose Spanish translation says
// "OTAN" too). An object of fixed shape rather than a closure per query: ranking calls it for
// every scored document, and the engine threw away its optimised ranking code whenever a new
// closure came by.
import type { DocumentTable } from './document-table';
import type { SearchFilters } from './search-types';

export class Eligibility {
  /** Per article number, 1 if it is left out; empty when nothing is. */
  private readonly leftOut: Uint8Array;
  /** Per language number, 1 if it is the filter's; null for every language. */
  private readonly inLang: Uint8Array | null;
  private readonly category: string | null;

  constructor(
    private readonly table: DocumentTable,
    filters: SearchFilters,
    excluded: Uint32Array,
  ) {
    this.leftOut = new Uint8Array(excluded.length > 0 ? table.articleCount : 0);
    for (let i = 0; i < excluded.length; i++) {
      const id = excluded[i] as number;
      if (table.isLive(id)) this.leftOut[table.articleNumber(id)] = 1;
    }
    const lang = filters.lang?.toLowerCase() ?? null;
    this.inLang = lang === null ? null : table.langsMatching(lang);
    this.category = filters.category;
  }

  accepts(id: number): boolean {
    const { table, leftOut, inLang, category } = this;
    if (!table.isLive(id)) return false;
    if (leftOut.length > 0 && leftOut[table.articleNumber(id)] === 1) return false;
    if (inLang !== null && inLang[table.langNumber(id)] !== 1) return false;
    return category === null || table.categories(id).includes(category);
  }
}
