// Bench page: one sync of a feed into a fresh database, with its storage phase timed, then the
// same records put in one raw transaction into another fresh database, for comparison.
import { deleteDB } from 'idb';
import { openFolioDb, putStorageSettings, type FolioDB } from '../../src/lib/db';
import { runSync } from '../../src/lib/sync';

interface Interval {
  start: number;
  end: number;
}

/** Total time covered by the intervals, overlaps counted once. */
function covered(intervals: Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let current: Interval | null = null;
  for (const next of sorted) {
    if (current && next.start <= current.end) {
      current.end = Math.max(current.end, next.end);
      continue;
    }
    if (current) total += current.end - current.start;
    current = { ...next };
  }
  if (current) total += current.end - current.start;
  return total;
}

const CONTENT_STORES = new Set(['summaries', 'articles']);

/**
 * The database as runSync sees it, with every read-write transaction on summaries or articles
 * timed from its creation to its completion: the storage phase, without an app hook. (idb's
 * shortcut methods, such as the sync record's db.put, bypass this on purpose: progress
 * bookkeeping is not storing articles.)
 */
function timedDb(db: FolioDB, writes: Interval[]): FolioDB {
  return new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'transaction') {
        const transaction = target.transaction.bind(target);
        return (...args: Parameters<FolioDB['transaction']>) => {
          const [stores, mode] = args;
          const names: string[] = typeof stores === 'string' ? [stores] : Array.from(stores);
          const tx = transaction(...args);
          if (mode === 'readwrite' && names.some((name) => CONTENT_STORES.has(name))) {
            const interval = { start: performance.now(), end: Number.NaN };
            writes.push(interval);
            const finish = () => (interval.end = performance.now());
            tx.done.then(finish, finish);
          }
          return tx;
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface SyncTimes {
  status: string;
  saved: number;
  summaries: number;
  articles: number;
  /** The whole runSync call. */
  totalMs: number;
  /** The storage phase: the app's timings.store when runSync reports it, else transactionMs. */
  storageMs: number;
  /** Read-write transactions on summaries and articles, overlaps counted once. */
  transactionMs: number;
  transactions: number;
  /** One transaction putting the same records into a fresh database of the same schema. */
  rawMs: number;
  /** Long tasks (> 50 ms) on this page's main thread during the sync, in ms. */
  longTasks: number[];
  /** Where the storage phase came from: an app hook, or the transaction timing above. */
  storageSource: string;
}

async function syncOnce(options: {
  feedUrl: string;
  maxArticles: number;
  run: number;
  /** Whether to time a raw put of the same records too (figure 4a); off for a whole archive. */
  compare?: boolean;
  /** Save the older pages too (the background crawl), up to this many summaries. */
  crawlCap?: number;
}): Promise<SyncTimes> {
  const name = `folio-bench-sync-${options.run}`;
  const rawName = `folio-bench-raw-${options.run}`;
  await Promise.all([deleteDB(name), deleteDB(rawName)]);
  const db = await openFolioDb(name);
  const raw = await openFolioDb(rawName);
  try {
    // Every article of the run stays: no retention pass prunes what was just stored.
    await putStorageSettings(db, { retention: 'all' });
    const writes: Interval[] = [];
    const longTasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    const outcome = await runSync({
      db: timedDb(db, writes),
      feedUrl: options.feedUrl,
      fetch: (input, init) => fetch(input, init),
      maxArticles: options.maxArticles,
      ...(options.crawlCap === undefined ? {} : { crawl: true, crawlCap: options.crawlCap }),
    });
    const totalMs = performance.now() - start;
    observer.takeRecords().forEach((entry) => longTasks.push(entry));
    observer.disconnect();
    // The app's own timing of its body writes (src/lib/sync/sync.ts), when it has one.
    const hook = (outcome as { timings?: { store?: unknown } }).timings?.store;

    let summaryCount: number;
    let articleCount: number;
    let rawMs = Number.NaN;
    if (options.compare === false) {
      [summaryCount, articleCount] = await Promise.all([
        db.count('summaries'),
        db.count('articles'),
      ]);
    } else {
      const [summaries, articles] = await Promise.all([
        db.getAll('summaries'),
        db.getAll('articles'),
      ]);
      const rawStart = performance.now();
      const tx = raw.transaction(['summaries', 'articles'], 'readwrite');
      const summaryStore = tx.objectStore('summaries');
      const articleStore = tx.objectStore('articles');
      for (const record of summaries) void summaryStore.put(record);
      for (const record of articles) void articleStore.put(record);
      await tx.done;
      rawMs = performance.now() - rawStart;
      summaryCount = summaries.length;
      articleCount = articles.length;
    }

    return {
      status: outcome.status,
      saved: outcome.saved,
      summaries: summaryCount,
      articles: articleCount,
      totalMs,
      storageMs: typeof hook === 'number' ? hook : covered(writes),
      transactionMs: covered(writes),
      transactions: writes.length,
      rawMs,
      longTasks: longTasks.map((entry) => entry.duration),
      storageSource: typeof hook === 'number' ? 'runSync timings.store' : 'timed transactions',
    };
  } finally {
    db.close();
    raw.close();
    await Promise.all([deleteDB(name), deleteDB(rawName)]);
  }
}

const api = { syncOnce };
export type SyncApi = typeof api;
(globalThis as unknown as { folioBench: SyncApi }).folioBench = api;
document.documentElement.dataset.benchReady = 'true';
