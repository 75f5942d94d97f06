import {
  feedRootOf,
  fetchJson,
  fileLabel,
  parseIndexPage,
  type FeedProblem,
  type FetchLike,
  type ParsedPage,
} from '../feed';
import {
  EMPTY_SYNC,
  bookmarkedIds,
  getStorageSettings,
  getSyncRecord,
  idsNeedingBodies,
  putSyncRecord,
  storePage,
  type FolioDB,
  type StoredArticle,
  type SyncRecord,
} from '../db';
import { asProblem, fetchArticle } from './article-file';
import { cacheImages, imagesOf } from './images';
import { runPool } from './pool';
import {
  bodyCandidates,
  bodyLimit,
  dataSaverOn,
  retainAfterSync,
  storeWithRoom,
} from './storage-guard';

export interface SyncOptions {
  db: FolioDB;
  /** Absolute address of the feed's index.json. */
  feedUrl: string;
  fetch: FetchLike;
  /** How many articles of the first page get their full body saved; else the stored rule. */
  maxArticles?: number;
  timeoutMs?: number;
  concurrency?: number;
  /** Articles written per transaction. */
  batchSize?: number;
  now?: () => number;
  /** Whether the connection asks to save data; read from the browser when absent. */
  saveData?: boolean;
  /** Called after each change of the stored sync state, so callers can announce it. */
  onProgress?: (record: SyncRecord) => void;
}

export type SyncOutcome = Pick<SyncRecord, 'status' | 'error' | 'problems'> & {
  /** Articles whose full body this run saved. */
  saved: number;
};

type Tunables = Required<
  Pick<SyncOptions, 'maxArticles' | 'timeoutMs' | 'concurrency' | 'batchSize'>
>;

export const SYNC_DEFAULTS: Readonly<Tunables> = {
  maxArticles: 200,
  timeoutMs: 15_000,
  concurrency: 4,
  batchSize: 10,
};

/**
 * One sync: fetch the first page, store its summaries, then fetch and store the full articles
 * that are missing or changed. Nothing awaits the network inside a transaction, and every write
 * leaves a consistent database, so a cut at any point loses nothing and the next run resumes.
 * It never rejects: storage that fails mid-way (a full disk, a connection closed by another
 * tab's upgrade) ends it with an 'error' outcome naming the cause.
 */
export async function runSync(options: SyncOptions): Promise<SyncOutcome> {
  try {
    return await syncOnce(options);
  } catch (error) {
    const failure = asProblem(error, fileLabel(options.feedUrl, feedRootOf(options.feedUrl)));
    return { status: 'error', error: failure, problems: [], saved: 0 };
  }
}

async function syncOnce(options: SyncOptions): Promise<SyncOutcome> {
  const { db, feedUrl } = options;
  const now = options.now ?? Date.now;
  const storage = await getStorageSettings(db);
  const settings = { ...SYNC_DEFAULTS, maxArticles: bodyLimit(storage), ...definedOnly(options) };
  const root = feedRootOf(feedUrl);
  const indexLabel = fileLabel(feedUrl, root);

  let record: SyncRecord = {
    ...(await getSyncRecord(db).catch(() => EMPTY_SYNC)),
    status: 'syncing',
    startedAt: now(),
    progress: null,
  };
  // Recording progress is best effort: a full disk or a closing connection must not stop the
  // sync from ending with an outcome (the outcome is returned and announced either way).
  const save = async (next: SyncRecord) => {
    record = next;
    await putSyncRecord(db, record).catch((error: unknown) => {
      console.warn('Could not record the sync state', error);
    });
    options.onProgress?.(record);
  };
  await save(record);

  let page: ParsedPage;
  try {
    const index = await fetchJson(feedUrl, {
      fetch: options.fetch,
      label: indexLabel,
      timeoutMs: settings.timeoutMs,
    });
    page = parseIndexPage(index.data, { label: indexLabel, url: index.url });
    await storePage(db, { feedUrl, ...page });
  } catch (error) {
    const failure = asProblem(error, indexLabel);
    await save({
      ...record,
      status: failure.kind === 'offline' ? 'offline' : 'error',
      finishedAt: now(),
      error: failure,
    });
    return { status: record.status, error: failure, problems: record.problems, saved: 0 };
  }

  const languages = page.info?.languages ?? [];
  // Bookmarked articles always keep their full text, however far down the list they are.
  const bookmarked = await bookmarkedIds(db);
  const candidates = bodyCandidates(page.summaries, {
    storage,
    bookmarked,
    limit: settings.maxArticles,
    saveData: options.saveData ?? dataSaverOn(),
  });
  const pending = new Set(
    await idsNeedingBodies(
      db,
      candidates.map((summary) => summary.id),
    ),
  );
  const toFetch = candidates.filter((summary) => pending.has(summary.id));
  const problems: FeedProblem[] = [...page.problems];
  let batch: StoredArticle[] = [];
  const images: string[] = [];
  let done = 0;
  let failure: FeedProblem | null = null;
  await save({ ...record, progress: { done, total: toFetch.length } });

  const flush = async () => {
    const writing = batch;
    batch = [];
    await storeWithRoom(db, writing);
    images.push(...imagesOf(writing));
    await save({ ...record, progress: { done, total: toFetch.length } });
  };

  await runPool(toFetch, settings.concurrency, async (summary) => {
    const label = fileLabel(summary.href, root);
    try {
      const article = await fetchArticle(
        summary,
        label,
        languages,
        options.fetch,
        settings.timeoutMs,
      );
      batch.push({ ...article, fetchedAt: now() });
      done++;
      if (batch.length >= settings.batchSize) await flush();
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
    failure ??= asProblem(error, indexLabel);
  }

  // After the text, and outside every transaction: images wait on the network.
  if (!failure) await cacheImages(images, options.fetch);
  await retainAfterSync(db, storage);
  const finishedAt = now();
  const status = failure ? (failure.kind === 'offline' ? 'offline' : 'error') : 'fresh';
  await save({
    ...record,
    status,
    finishedAt,
    lastSuccessAt: failure ? record.lastSuccessAt : finishedAt,
    error: failure,
    problems,
  });
  return { status, error: failure, problems, saved: done };
}

function definedOnly(options: SyncOptions): Partial<Tunables> {
  const picked: Partial<Tunables> = {};
  for (const key of Object.keys(SYNC_DEFAULTS) as (keyof Tunables)[]) {
    const value = options[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}
