import { feedRootOf, fileLabel, type FeedProblem, type Language } from '../feed';
import {
  EMPTY_SYNC,
  bookmarkedIds,
  getStorageSettings,
  getSyncRecord,
  putSyncRecord,
  type ListedSummary,
  type SyncRecord,
} from '../db';
import { emptyPaging, getPaging } from '../db/meta-paging';
import { asProblem } from './article-file';
import { SYNC_DEFAULTS } from './defaults';
import { cacheImages } from './images';
import { fetchBodies, owedBodies, type PagingContext } from './paging';
import { readFirstPage } from './first-page';
import { syncOlder } from './older-phase';
import {
  definedOnly,
  noTimings,
  type SyncOptions,
  type SyncOutcome,
  type SyncPhase,
} from './options';
import { bodyLimit, dataSaverOn, retainAfterSync } from './storage-guard';

export type { SyncOptions, SyncOutcome, SyncPhase, SyncTimings } from './options';

export { SYNC_DEFAULTS };

/**
 * One sync: ask for the first page (conditionally: an unchanged feed costs one small request),
 * store its summaries and apply `removed` and `purged`, fetch the bodies that are missing or
 * changed, re-check stored older pages when the feed changed, and crawl older pages when the
 * reader asked for it. Nothing awaits the network inside a transaction, and every write leaves
 * a consistent database, so a cut at any point loses nothing and the next run resumes. It never
 * rejects: storage that fails mid-way ends it with an 'error' outcome naming the cause.
 */
export async function runSync(options: SyncOptions): Promise<SyncOutcome> {
  try {
    return await syncOnce(options);
  } catch (error) {
    const failure = asProblem(error, fileLabel(options.feedUrl, feedRootOf(options.feedUrl)));
    return {
      status: 'error',
      error: failure,
      problems: [],
      saved: 0,
      unchanged: false,
      timings: noTimings(),
    };
  }
}

async function syncOnce(options: SyncOptions): Promise<SyncOutcome> {
  const { db, feedUrl } = options;
  const now = options.now ?? Date.now;
  const began = performance.now();
  const timings = noTimings();
  const phase = (name: SyncPhase, since: number) => {
    timings[name] += performance.now() - since;
    options.onPhase?.(name, timings[name]);
  };
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

  let paging = await getPaging(db, feedUrl).catch(() => emptyPaging(feedUrl));
  let first: ListedSummary[];
  let languages: Language[];
  let unchanged = false;
  const indexStarted = performance.now();
  try {
    const read = await readFirstPage(
      db,
      feedUrl,
      { fetch: options.fetch, label: indexLabel, timeoutMs: settings.timeoutMs },
      paging,
      (ms) => {
        timings.store += ms;
      },
    );
    ({ first, languages, unchanged, paging } = read);
    if (read.problems) record = { ...record, problems: read.problems };
  } catch (error) {
    const failure = asProblem(error, indexLabel);
    phase('index', indexStarted);
    await save({
      ...record,
      status: failure.kind === 'offline' ? 'offline' : 'error',
      finishedAt: now(),
      error: failure,
    });
    timings.total = performance.now() - began;
    return {
      status: record.status,
      error: failure,
      problems: record.problems,
      saved: 0,
      unchanged,
      timings,
    };
  }
  phase('index', indexStarted);

  const context: PagingContext = {
    db,
    feedUrl,
    fetch: options.fetch,
    root,
    languages,
    timeoutMs: settings.timeoutMs,
    concurrency: settings.concurrency,
    batchSize: settings.batchSize,
    now,
    storage,
    // Bookmarked articles always keep their full text, however far down the list they are.
    bookmarked: await bookmarkedIds(db),
    limit: settings.maxArticles,
    saveData: options.saveData ?? dataSaverOn(),
    onStoreMs: (ms) => {
      timings.store += ms;
    },
  };
  // Unchanged, the first page's own problems still stand; its articles' are found again below.
  const problems: FeedProblem[] = record.problems.filter(
    (found) => !unchanged || found.file === indexLabel,
  );
  const images: string[] = [];
  const wanted = owedBodies(first, 0, context);
  await save({ ...record, progress: { done: 0, total: wanted.length } });
  const bodiesStarted = performance.now();
  const bodies = await fetchBodies(wanted, context, (done, total) =>
    save({ ...record, progress: { done, total } }),
  );
  phase('bodies', bodiesStarted);
  options.onPhase?.('store', timings.store);
  let saved = bodies.saved;
  let failure = bodies.failure;
  problems.push(...bodies.problems);
  images.push(...bodies.images);

  const olderStarted = performance.now();
  if (!failure) {
    const older = await syncOlder(context, paging, {
      changed: !unchanged,
      crawl: options.crawl ?? storage.crawlOlder === true,
      crawlCap: settings.crawlCap,
      onCrawl: async (crawl) => {
        await save({ ...record, crawl });
      },
    });
    saved += older.saved;
    failure = older.failure;
    problems.push(...older.problems);
    images.push(...older.images);
  }
  phase('older', olderStarted);

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
  timings.total = performance.now() - began;
  return { status, error: failure, problems, saved, unchanged, timings };
}
