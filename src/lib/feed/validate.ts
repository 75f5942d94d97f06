import { fetchJson, type FetchLike } from './fetch-json';
import { readPages } from './pages';
import { parseArticleFile } from './parse-article';
import type { ParsedSummary } from './types';
import { FeedError, formatProblem } from './problems';
import type { Language } from './schema';
import { feedRootOf, fileLabel } from './urls';

export interface ValidationReport {
  /** Breaks of the spec: a client refuses or skips what they concern. */
  problems: string[];
  /** Valid but worth a look (the spec says "a validator warns"). */
  warnings: string[];
  pages: number;
  articles: number;
}

export interface ValidateOptions {
  fetch: FetchLike;
  timeoutMs?: number;
  /** Article files read at once. */
  concurrency?: number;
}

/**
 * Checks a whole feed against the spec: every page (following `next`, stopping at loops) and
 * every article file, with each problem named by its file and JSON path.
 */
export async function validateFeed(
  feedUrl: string,
  options: ValidateOptions,
): Promise<ValidationReport> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const root = feedRootOf(feedUrl);
  const report: ValidationReport = { problems: [], warnings: [], pages: 0, articles: 0 };
  const seen = new Map<string, string>();
  const summaries: ParsedSummary[] = [];
  let languages: Language[] = [];
  let declared = new Set<string>();

  try {
    for await (const page of readPages(feedUrl, { fetch: options.fetch, timeoutMs })) {
      report.pages++;
      const label = fileLabel(page.url, root);
      if (page.info) {
        languages = page.info.languages;
        declared = new Set(page.info.categories.map((category) => category.id));
      }
      report.problems.push(...page.problems.map((found) => found.message));
      let previous = Infinity;
      page.summaries.forEach((summary) => {
        const field = `articles[${page.positions.get(summary.id) ?? '?'}]`;
        const where = seen.get(summary.id);
        if (where) {
          report.problems.push(
            formatProblem(label, `${field}.id`, `"${summary.id}" is also in ${where}`),
          );
          return;
        }
        seen.set(summary.id, label);
        const published = Date.parse(summary.published);
        if (published > previous) {
          report.problems.push(
            formatProblem(label, `${field}.published`, 'articles must be newest first'),
          );
        }
        previous = published;
        summary.categories.forEach((category, i) => {
          if (!declared.has(category)) {
            report.warnings.push(
              formatProblem(label, `${field}.categories[${i}]`, `"${category}" is not declared`),
            );
          }
        });
        summaries.push(summary);
      });
    }
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    report.problems.push(error.message);
  }

  const checkArticle = async (summary: ParsedSummary) => {
    const label = fileLabel(summary.href, root);
    try {
      const file = await fetchJson(summary.href, { fetch: options.fetch, label, timeoutMs });
      const article = parseArticleFile(file.data, { label, expectedId: summary.id, languages });
      if (article.updated !== summary.updated) {
        report.problems.push(
          formatProblem(
            label,
            'updated',
            `"${article.updated}" differs from the summary's "${summary.updated}"`,
          ),
        );
      }
      report.articles++;
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      report.problems.push(error.message);
    }
  };
  const queue = [...summaries];
  const workers = Array.from({ length: options.concurrency ?? 8 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await checkArticle(next);
  });
  await Promise.all(workers);
  return report;
}
