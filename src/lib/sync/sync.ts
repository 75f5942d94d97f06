import { feedRootOf, fileLabel, type FeedProblem } from '../feed';
import { getStorageSettings, keptForReader } from '../db';
import { emptyPaging, getPaging } from '../db/meta-paging';
import { asProblem } from './article-file';
import { SYNC_DEFAULTS } from './defaults';
import { readFirstPage, type FirstPage } from './first-page';
import { cacheImages } from './images';
import { syncOlder, type OlderOutcome } from './older-phase';
import { definedOnly, type SyncOptions, type SyncOutcome } from './options';
import { fetchBodies, owedBodies, type PagingContext } from './paging';
import { bodyLimit, dataSaverOn, retainAfterSync } from './storage-guard';
import { statusAfter, SyncRecorder } from './sync-record';
import { SyncTimer } from './sync-timer';

export type { SyncOptions, SyncOutcome, SyncPhase, SyncTimings } from './options';

export { SYNC_DEFAULTS };

/** What a sync did, before its timings are added. */
type Result = Omit<SyncOutcome, 'timings'>;

const NO_OLDER: OlderOutcome = { saved: 0, failure: null, problems: [], images: [] };

/**
 * One sync: ask for the first page (conditionally: an unchanged feed costs one small request),
 * store its summaries and apply `removed` and `purged`, fetch the bodies that are missing or
 * changed, re-check stored older pages when the feed changed, and crawl older pages when the
 * reader asked for it. Nothing awaits the network inside a transaction, and every write leaves
 * a consistent database, so a cut at any point loses nothing and the next run resumes. It never
 * rejects: storage that fails mid-way ends it with an 'error' outcome naming the cause.
 */
export async function runSync(options: SyncOptions): Promise<SyncOutcome> {
  const timer = new SyncTimer(options.onPhase);
  let result: Result;
  try {
    result = await syncOnce(options, timer);
  } catch (error) {
    const failure = asProblem(error, fileLabel(options.feedUrl, feedRootOf(options.feedUrl)));
    result = { status: 'error', error: failure, problems: [], saved: 0, unchanged: false };
  }
  return { ...result, timings: timer.read() };
}

async function syncOnce(options: SyncOptions, timer: SyncTimer): Promise<Result> {
  const { db, feedUrl } = options;
  const now = options.now ?? Date.now;
  const storage = await getStorageSettings(db);
  const settings = { ...SYNC_DEFAULTS, maxArticles: bodyLimit(storage), ...definedOnly(options) };
  const indexLabel = fileLabel(feedUrl, feedRootOf(feedUrl));
  const recorder = await SyncRecorder.start(db, now(), options.onProgress);
  const ended = async (result: Result): Promise<Result> => {
    await recorder.finish(now(), result.error, result.problems);
    return result;
  };

  // 1. The first page, or what stops the sync before anything is stored.
  const paging = await getPaging(db, feedUrl).catch(() => emptyPaging(feedUrl));
  let first: FirstPage;
  try {
    first = await timer.phase('index', () =>
      readFirstPage(
        db,
        feedUrl,
        { fetch: options.fetch, label: indexLabel, timeoutMs: settings.timeoutMs },
        paging,
        (ms) => timer.add('store', ms),
      ),
    );
  } catch (error) {
    const failure = asProblem(error, indexLabel);
    const problems = recorder.record.problems;
    return ended({
      status: statusAfter(failure),
      error: failure,
      problems,
      saved: 0,
      unchanged: false,
    });
  }
  // Unchanged, the first page's own problems still stand; its articles' are found again below.
  const problems: FeedProblem[] = (first.problems ?? recorder.record.problems).filter(
    (found) => !first.unchanged || found.file === indexLabel,
  );

  // 2. The bodies the first page's articles are owed.
  const context: PagingContext = {
    db,
    feedUrl,
    fetch: options.fetch,
    root: feedRootOf(feedUrl),
    languages: first.languages,
    timeoutMs: settings.timeoutMs,
    concurrency: settings.concurrency,
    batchSize: settings.batchSize,
    now,
    storage,
    // Bookmarked and highlighted articles always keep their full text, however far down the
    // list they are.
    bookmarked: await keptForReader(db),
    limit: settings.maxArticles,
    saveData: options.saveData ?? dataSaverOn(),
    onStoreMs: (ms) => timer.add('store', ms),
  };
  const wanted = owedBodies(first.first, 0, context);
  await recorder.save({ progress: { done: 0, total: wanted.length } });
  const bodies = await timer.phase('bodies', () =>
    fetchBodies(wanted, context, (done, total) => recorder.save({ progress: { done, total } })),
  );
  timer.report('store');

  // 3. Older pages: re-checked when the feed changed, crawled when the reader asked.
  const older = await timer.phase('older', () =>
    bodies.failure
      ? Promise.resolve(NO_OLDER)
      : syncOlder(context, first.paging, {
          changed: !first.unchanged,
          crawl: options.crawl ?? storage.crawlOlder === true,
          crawlCap: settings.crawlCap,
          onCrawl: (crawl) => recorder.save({ crawl }),
        }),
  );

  // 4. After the text, and outside every transaction: images (they wait on the network), then
  // the reader's retention rule.
  const failure = bodies.failure ?? older.failure;
  if (!failure) await cacheImages([...bodies.images, ...older.images], options.fetch);
  await retainAfterSync(db, storage);
  return ended({
    status: statusAfter(failure),
    error: failure,
    problems: [...problems, ...bodies.problems, ...older.problems],
    saved: bodies.saved + older.saved,
    unchanged: first.unchanged,
  });
}
