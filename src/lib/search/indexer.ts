// Keeps the search index in step with IndexedDB, incrementally: each refresh walks the
// summaries a hundred at a time, re-indexes only articles whose `updated` or saved body changed
// since they were indexed, and drops those no longer stored (removed, purged, cleared).
import type { FolioDB, ListedSummary, StoredArticle } from '../db';
import { articleIds, articlesBetween, articlesByIds, summariesAfter } from '../db/search-reads';
import { documentsFor } from './documents';
import type { SearchIndex } from './search-index';

export const BATCH = 100;
/** Below this many changed bodies in a batch, read them one by one rather than the whole range. */
const FEW_BODIES = 10;

export interface RefreshProgress {
  /** Articles looked at so far in this refresh. */
  seen: number;
  /** Articles (re-)indexed so far in this refresh. */
  indexed: number;
  /** Articles dropped from the index by this refresh. */
  dropped: number;
}

/** Gives queued messages (queries) their turn between batches, so a build never blocks them. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Changes when the summary does or its body is saved (the mark, from the `saved` store). */
function summaryVersion(summary: ListedSummary): string {
  return `s|${summary.updated}|${summary.saved ?? ''}`;
}

function articleVersion(article: StoredArticle): string {
  return `a|${article.updated}|${article.fetchedAt}`;
}

/** Whether an article indexed at `version` was indexed with its saved body. */
function withBody(version: string): boolean {
  return isOrphan(version) || !version.endsWith('|');
}

/** Whether an article indexed at `version` was indexed from its body alone, without a summary. */
function isOrphan(version: string): boolean {
  return version.startsWith('a|');
}

export class Indexer {
  /** What was indexed for each article, to tell what changed. */
  private versions = new Map<string, string>();

  constructor(
    private readonly index: SearchIndex,
    private readonly db: () => Promise<FolioDB>,
    private readonly pause: () => Promise<void> = yieldToEvents,
  ) {}

  /** What was indexed, to persist beside the index. */
  exportVersions(): { ids: string[]; values: string[] } {
    return { ids: [...this.versions.keys()], values: [...this.versions.values()] };
  }

  /** Takes over the versions persisted with a loaded index. */
  importVersions(versions: { ids: string[]; values: string[] }): void {
    this.versions = new Map(versions.ids.map((id, at) => [id, versions.values[at] as string]));
  }

  /** Ids indexed from a saved body without a summary (withdrawn, bookmarked): a few. */
  orphanIds(): string[] {
    return [...this.versions].filter(([, version]) => isOrphan(version)).map(([id]) => id);
  }

  /**
   * Drops, before a loaded index answers anything, articles whose summary and body are both gone
   * and those indexed with a body no longer saved (cleared, pruned): a persisted index may predate
   * changes made while no search worker ran. The next refresh re-indexes the latter without body.
   * A listed article's body counts as saved while its mark is (`marked`); an orphan's, when it is
   * among `orphans`. Returns how many were dropped.
   */
  dropMissing(keys: { summaries: Set<string>; marked: Set<string>; orphans: Set<string> }): number {
    let dropped = 0;
    for (const [id, version] of [...this.versions]) {
      const kept = isOrphan(version)
        ? keys.orphans.has(id)
        : withBody(version)
          ? keys.marked.has(id)
          : keys.summaries.has(id);
      if (kept) continue;
      this.index.remove(id);
      this.versions.delete(id);
      dropped++;
    }
    return dropped;
  }

  /** Brings the index up to date; resolves with what this refresh did. */
  async refresh(
    onProgress: (progress: RefreshProgress) => void = () => {},
  ): Promise<RefreshProgress> {
    // Removed articles only leave stale ids behind; past half the index, rebuilding is cheaper.
    if (this.index.stale > Math.max(1000, this.index.size)) {
      this.index.clear();
      this.versions.clear();
    }
    const db = await this.db();
    const present = new Set<string>();
    const progress: RefreshProgress = { seen: 0, indexed: 0, dropped: 0 };
    let after: string | null = null;
    for (;;) {
      const summaries = await summariesAfter(db, after, BATCH);
      if (summaries.length === 0) break;
      after = (summaries.at(-1) as ListedSummary).id;
      for (const summary of summaries) present.add(summary.id);
      const changed = summaries.filter(
        (summary) => this.versions.get(summary.id) !== summaryVersion(summary),
      );
      const bodies = await this.bodiesOf(db, changed);
      for (const summary of changed) {
        this.index.put(summary.id, documentsFor(summary, bodies.get(summary.id)));
        this.versions.set(summary.id, summaryVersion(summary));
      }
      progress.seen += summaries.length;
      progress.indexed += changed.length;
      onProgress({ ...progress });
      await this.pause();
    }
    await this.refreshOrphans(db, present, progress);
    for (const id of [...this.versions.keys()]) {
      if (present.has(id)) continue;
      this.index.remove(id);
      this.versions.delete(id);
      progress.dropped++;
    }
    onProgress({ ...progress });
    return progress;
  }

  private async bodiesOf(
    db: FolioDB,
    summaries: ListedSummary[],
  ): Promise<Map<string, StoredArticle>> {
    const ids = summaries.filter((summary) => summary.saved !== null).map((s) => s.id);
    if (ids.length === 0) return new Map();
    const articles =
      ids.length < FEW_BODIES
        ? await articlesByIds(db, ids)
        : await articlesBetween(db, ids[0] as string, ids.at(-1) as string);
    return new Map(articles.map((article) => [article.id, article]));
  }

  /** Saved bodies without a summary: withdrawn articles kept because they are bookmarked. */
  private async refreshOrphans(
    db: FolioDB,
    present: Set<string>,
    progress: RefreshProgress,
  ): Promise<void> {
    const orphans = (await articleIds(db)).filter((id) => !present.has(id));
    for (let start = 0; start < orphans.length; start += BATCH) {
      const articles = await articlesByIds(db, orphans.slice(start, start + BATCH));
      for (const article of articles) {
        present.add(article.id);
        if (this.versions.get(article.id) === articleVersion(article)) continue;
        this.index.put(article.id, documentsFor(undefined, article));
        this.versions.set(article.id, articleVersion(article));
        progress.indexed++;
      }
      await this.pause();
    }
  }
}
