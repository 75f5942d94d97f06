import { fetchJsonIfChanged, nextTask, type FetchLike, type Validators } from './fetch-json';
import { parseIndexPageSliced } from './parse-page';
import type { ParsedPage } from './types';
import { FeedError } from './problems';
import type { Language } from './schema';
import { feedRootOf, fileLabel } from './urls';

export interface ReadPagesOptions {
  fetch: FetchLike;
  timeoutMs: number;
  /** Stop after this many pages (the first included). */
  maxPages?: number;
  /** The first page's languages, when the crawl starts at a later page. */
  languages?: Language[];
  /** Where files are named from; the folder of the first URL by default. */
  root?: string;
  /** URLs read before, in this same crawl (resumed across visits): reaching one is a loop. */
  visited?: Iterable<string>;
  /** Told of a `next` link back to a page already read, where the crawl stops. */
  onLoop?: (problem: FeedError) => void;
}

export type ReadPage = ParsedPage & {
  /** Where the page was finally read from. */
  url: string;
  /** Its label in messages. */
  label: string;
  validators: Validators;
};

/**
 * Reads the feed's pages in order, following `next`. Stops at a URL already visited in this
 * crawl (a page linking to itself, or a cycle), keeping what it read and reporting the loop. A
 * broken page throws a FeedError, after the pages before it were yielded.
 */
export async function* readPages(
  firstUrl: string,
  options: ReadPagesOptions,
): AsyncGenerator<ReadPage> {
  const root = options.root ?? feedRootOf(firstUrl);
  const visited = new Set<string>(options.visited);
  let languages = options.languages;
  let next: string | null = firstUrl;
  let read = 0;
  let from = '';
  while (next && read < (options.maxPages ?? Infinity)) {
    if (visited.has(next)) {
      options.onLoop?.(loopProblem(from, next, root));
      return;
    }
    visited.add(next);
    const label = fileLabel(next, root);
    const file = await fetchJsonIfChanged(
      next,
      { fetch: options.fetch, label, timeoutMs: options.timeoutMs },
      {},
    );
    if (file.status === 'unchanged') throw new FeedError({ kind: 'http', file: label }, 'HTTP 304');
    await nextTask();
    const page = await parseIndexPageSliced(file.data, { label, url: file.url, languages });
    languages ??= page.info?.languages;
    // A redirect lands on the final URL; count it as visited too.
    visited.add(file.url);
    read++;
    from = label;
    yield { ...page, url: file.url, label, validators: file.validators };
    next = page.next;
  }
}

function loopProblem(from: string, to: string, root: string): FeedError {
  return new FeedError(
    { kind: 'invalid', file: from || fileLabel(to, root), field: 'next' },
    `links back to ${fileLabel(to, root)}, which was already read; older pages stop here`,
  );
}
