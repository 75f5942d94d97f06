import { FeedError, problem, type FeedProblem } from './problems';
import { issueDetail, issuePath } from '../valibot-issues';
import { canonicalTranslations, declaredCode } from './languages';
import { checkVersion, firstIssue, invalid } from './parse-common';
import type { FeedInfo, ParsedPage, ParsedSummary } from './types';
import { FEED_VERSION, IndexPage, Language, Summary } from './schema';
import { resolveUrl } from './urls';

function requireField<T>(value: T | undefined, label: string, field: string): T {
  if (value === undefined) {
    throw new FeedError({ kind: 'invalid', file: label, field }, 'is required on the first page');
  }
  return value;
}

function readFeedInfo(page: IndexPage, label: string, problems: FeedProblem[]): FeedInfo {
  const site = requireField(page.site, label, 'site');
  const defaultLanguage = requireField(page.defaultLanguage, label, 'defaultLanguage');
  // A repeated language or category would be offered twice and break every list keyed by it:
  // the first declaration counts, each repeat is reported.
  const languages = firstOfEach(
    requireField(page.languages, label, 'languages'),
    (language) => language.code.toLowerCase(),
    (index, code) =>
      problems.push(
        problem('invalid', label, `duplicate code "${code}"; ignored`, {
          field: `languages[${index}].code`,
        }),
      ),
  );
  const categories = firstOfEach(
    requireField(page.categories, label, 'categories'),
    (category) => category.id,
    (index, id) =>
      problems.push(
        problem('invalid', label, `duplicate id "${id}"; ignored`, {
          field: `categories[${index}].id`,
        }),
      ),
  );
  const declared = declaredCode(languages, defaultLanguage);
  if (!declared) {
    throw new FeedError(
      { kind: 'invalid', file: label, field: 'defaultLanguage' },
      `"${defaultLanguage}" is not one of languages[].code`,
    );
  }
  return { site, languages, defaultLanguage: declared, categories };
}

/** `items` without those whose key came earlier; `repeated` hears of each one left out. */
function firstOfEach<T>(
  items: T[],
  keyOf: (item: T) => string,
  repeated: (index: number, key: string) => void,
): T[] {
  const seen = new Set<string>();
  return items.filter((item, index) => {
    const key = keyOf(item);
    if (!seen.has(key)) return seen.add(key);
    repeated(index, key);
    return false;
  });
}

/** Entries validated per turn of the event loop by parseIndexPageSliced. */
const ENTRY_SLICE = 150;

/**
 * Parses one index page. A broken top level throws a FeedError naming the file and field; a
 * broken article entry is skipped and listed in `problems`.
 *
 * @param languages the feed's languages; omit for the first page, which declares them.
 */
export function parseIndexPage(data: unknown, options: PageOptions): ParsedPage {
  const reader = new PageReader(data, options);
  reader.readEntries(0, reader.entryCount);
  return reader.result();
}

/**
 * parseIndexPage, with the event loop turning between slices of entries (`yieldTurn` between
 * them): validating a page of a thousand summaries would otherwise be one long task. Same result,
 * same errors.
 */
export async function parseIndexPageSliced(
  data: unknown,
  options: PageOptions,
  yieldTurn: () => Promise<void> = nextTurn,
): Promise<ParsedPage> {
  const reader = new PageReader(data, options);
  for (let start = 0; start < reader.entryCount; start += ENTRY_SLICE) {
    if (start > 0) await yieldTurn();
    reader.readEntries(start, Math.min(start + ENTRY_SLICE, reader.entryCount));
  }
  return reader.result();
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

interface PageOptions {
  label: string;
  url: string;
  languages?: Language[];
}

/** One index page being read: the top level on construction, then its entries in any slices. */
class PageReader {
  private readonly page: IndexPage;
  private readonly info: FeedInfo | undefined;
  private readonly languages: Language[];
  private readonly problems: FeedProblem[] = [];
  private readonly summaries: ParsedSummary[] = [];
  private readonly seen = new Set<string>();
  private readonly positions = new Map<string, number>();

  constructor(
    data: unknown,
    private readonly options: PageOptions,
  ) {
    const { label } = options;
    checkVersion(data, label);
    const top = firstIssue(IndexPage, data);
    if ('issue' in top) throw invalid(label, top.issue);
    this.page = top.output;
    if (this.page.version < FEED_VERSION) {
      throw new FeedError({ kind: 'invalid', file: label, field: 'version' }, 'must be 1');
    }
    this.info = options.languages ? undefined : readFeedInfo(this.page, label, this.problems);
    this.languages = options.languages ?? this.info?.languages ?? [];
  }

  get entryCount(): number {
    return this.page.articles.length;
  }

  readEntries(from: number, to: number): void {
    for (let index = from; index < to; index++) this.readEntry(this.page.articles[index], index);
  }

  private readEntry(entry: unknown, index: number): void {
    const { label, url } = this.options;
    const prefix = `articles[${index}]`;
    const entryId = readId(entry);
    const skip = (field: string, detail: string) => {
      this.problems.push(
        problem('invalid', label, `${detail}; article skipped`, { field, articleId: entryId }),
      );
    };

    const parsed = firstIssue(Summary, entry);
    if ('issue' in parsed) return skip(issuePath(parsed.issue, prefix), issueDetail(parsed.issue));
    const summary = parsed.output;
    if (Date.parse(summary.updated) < Date.parse(summary.published)) {
      return skip(`${prefix}.updated`, 'must not be before published');
    }
    if (this.seen.has(summary.id)) return skip(`${prefix}.id`, `duplicate id "${summary.id}"`);
    const translations = canonicalTranslations(summary.translations, this.languages);
    if ('undeclared' in translations) {
      return skip(
        `${prefix}.translations.${translations.undeclared}`,
        `language "${translations.undeclared}" is not declared in languages`,
      );
    }
    if (Object.keys(translations.ok).length === 0) {
      return skip(`${prefix}.translations`, 'must have at least one language');
    }
    this.seen.add(summary.id);
    this.positions.set(summary.id, index);
    this.summaries.push({
      ...summary,
      href: resolveUrl(summary.href, url),
      translations: translations.ok,
    });
  }

  result(): ParsedPage {
    const { page, info, options } = this;
    return {
      info,
      updated: page.updated,
      summaries: this.summaries,
      next: page.next ? resolveUrl(page.next, options.url) : null,
      removed: info ? (page.removed ?? []) : [],
      purged: info ? (page.purged ?? []) : [],
      problems: this.problems,
      positions: this.positions,
    };
  }
}

function readId(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const id = (entry as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
