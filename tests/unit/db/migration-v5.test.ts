import { afterEach, describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  getArticle,
  getBookmark,
  getSavedMark,
  getSummary,
  latestSummaries,
  listOutbox,
  openFolioDb,
  type FolioDB,
  type OutboxEntry,
} from '../../../src/lib/db';
import { SearchIndex } from '../../../src/lib/search/search-index';
import { SearchService, type StatusReport } from '../../../src/lib/search/service';
import { SNAPSHOT_FORMAT, type Snapshot } from '../../../src/lib/search/snapshot';
import {
  published,
  savedArticle as article,
  savedSummaryV4 as summary,
} from '../../fixtures/db-records';
import { createVersion4 } from '../../fixtures/db-v4';
import { request } from '../search/persisted';

let db: FolioDB | undefined;
afterEach(() => db?.close());

const outboxEntry: OutboxEntry = {
  id: 'c1',
  articleId: 'saved',
  createdAt: 11,
  state: 'queued',
  draft: { post: 7, author_name: 'Ana', author_email: 'ana@example.org', content: 'Gracias' },
};

/** A search index as version 4's worker saved it: built and packed by the engine itself. */
function searchRecord() {
  const index = new SearchIndex();
  index.put('saved', [
    {
      articleId: 'saved',
      lang: 'en',
      categories: ['political'],
      published,
      title: 'Saved article',
      excerpt: '',
      author: '',
      summary: '',
      body: 'Kept body about Zanzibar',
    },
  ]);
  const snapshot: Snapshot = {
    index: index.pack(),
    versions: { ids: ['saved'], values: [published] },
    deletions: 0,
  };
  return { key: 'index', format: SNAPSHOT_FORMAT, savedAt: 9, data: snapshot };
}

async function createFilledVersion4(): Promise<void> {
  const v4 = await createVersion4();
  await v4.put('summaries', summary);
  await v4.put('articles', article);
  await v4.put('saved', published, 'saved');
  await v4.put('bookmarks', { id: 'saved', createdAt: 5, state: 'active', title: 'Saved' });
  await v4.put('outbox', outboxEntry);
  await v4.put('search', searchRecord());
  v4.close();
}

describe('upgrading a version-4 database', () => {
  it('keeps bookmarks, outbox entries and the search index, and adds empty reads and highlights', async () => {
    await createFilledVersion4();
    db = await openFolioDb();

    expect(db.version).toBe(DB_VERSION);
    expect(await getSummary(db, 'saved')).toEqual(summary);
    expect(await latestSummaries(db, 10)).toEqual([{ ...summary, saved: published }]);
    expect(await getSavedMark(db, 'saved')).toBe(published);
    expect(await getArticle(db, 'saved')).toEqual(article);
    expect(await getBookmark(db, 'saved')).toEqual({
      id: 'saved',
      createdAt: 5,
      state: 'active',
      title: 'Saved',
    });
    expect(await listOutbox(db)).toEqual([outboxEntry]);
    expect(await db.count('reads')).toBe(0);
    expect(await db.count('highlights')).toBe(0);
  });

  it('loads the saved search index as it was, without rebuilding it', async () => {
    await createFilledVersion4();
    db = await openFolioDb();
    const reports: StatusReport[] = [];
    let atLoad: Promise<string[]> = Promise.resolve([]);
    const service = new SearchService(
      () => Promise.resolve(db as FolioDB),
      (report) => {
        // The first report comes from the loaded index, before any stored summary is read.
        if (reports.length === 0) {
          atLoad = service
            .query(request('zanzib'))
            .then(({ results }) => results.hits.map((hit) => hit.articleId));
        }
        reports.push(report);
      },
      { pause: () => Promise.resolve() },
    );
    await service.refresh();
    expect(reports[0]).toMatchObject({ status: 'ready', documents: 1 });
    expect(reports.map((report) => report.status)).not.toContain('building');
    expect(await atLoad).toEqual(['saved']);
  });
});
