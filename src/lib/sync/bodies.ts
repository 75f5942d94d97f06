import { fileLabel, type FeedProblem, type FetchLike, type Language } from '../feed';
import type { FolioDB, StoredArticle, StoredSummary } from '../db';
import { asProblem, fetchArticle } from './article-file';
import { imagesOf } from './images';
import { runPool } from './pool';
import { storeWithRoom } from './storage-guard';

/** Bodies are written when this many characters of them wait, whatever `batchSize` says. */
const BATCH_CHARS = 4_000_000;

export interface BodyRun {
  db: FolioDB;
  fetch: FetchLike;
  /** The feed's folder, for naming files in problems. */
  root: string;
  languages: Language[];
  timeoutMs: number;
  concurrency: number;
  batchSize: number;
  now: () => number;
  /** After each write, with how many bodies are saved so far. */
  onStored?: (done: number, total: number) => Promise<void>;
  /** Milliseconds spent writing, per write: the storage phase. */
  onStoreMs?: (ms: number) => void;
}

export interface BodiesResult {
  saved: number;
  /** Articles skipped, each with its file. */
  problems: FeedProblem[];
  /** What ended the run early (offline, storage), or null. */
  failure: FeedProblem | null;
  /** Images of the stored articles, to cache once the text is safe. */
  images: string[];
}

const charsOf = (article: StoredArticle): number =>
  Object.values(article.translations).reduce((sum, t) => sum + t.body.length, 0);

/**
 * Fetches and stores the full articles of `wanted` (summaries as stored, whose body is missing
 * or older). Writes go in few, large transactions, with the summaries known in memory, so the
 * write path never reads. Every write leaves a consistent database: a cut loses nothing.
 */
export async function saveBodies(wanted: StoredSummary[], run: BodyRun): Promise<BodiesResult> {
  const known = new Map(wanted.map((summary) => [summary.id, summary]));
  const problems: FeedProblem[] = [];
  const images: string[] = [];
  let batch: StoredArticle[] = [];
  let chars = 0;
  let done = 0;
  let failure: FeedProblem | null = null;
  // While a batch is written, no new fetch starts: parsing answers on this thread would only
  // slow the write (the fetches in flight finish into the next batch).
  let writingDone: Promise<void> | null = null;

  const flush = async () => {
    const writing = batch;
    batch = [];
    chars = 0;
    if (writing.length === 0) return;
    const started = performance.now();
    const write = storeWithRoom(run.db, writing, known);
    writingDone = write.then(
      () => undefined,
      () => undefined,
    );
    try {
      await write;
    } finally {
      writingDone = null;
    }
    run.onStoreMs?.(performance.now() - started);
    images.push(...imagesOf(writing));
    await run.onStored?.(done, wanted.length);
  };

  await runPool(wanted, run.concurrency, async (summary) => {
    if (writingDone) await writingDone;
    const label = fileLabel(summary.href, run.root);
    try {
      const article = await fetchArticle(summary, label, run.languages, run.fetch, run.timeoutMs);
      const stored = { ...article, fetchedAt: run.now() };
      batch.push(stored);
      chars += charsOf(stored);
      done++;
      if (batch.length >= run.batchSize || chars >= BATCH_CHARS) await flush();
    } catch (error) {
      const found = asProblem(error, label);
      if (found.kind === 'offline' || found.kind === 'storage') {
        failure ??= found;
        return 'stop';
      }
      problems.push({ ...found, articleId: summary.id });
    }
  });
  try {
    await flush();
  } catch (error) {
    failure ??= asProblem(error, run.root);
  }
  return { saved: done, problems, failure, images };
}
