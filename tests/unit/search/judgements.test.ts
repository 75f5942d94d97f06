// @vitest-environment node
// Holds the search ranking to the judged queries of tests/fixtures/search-judgements/ (issue 18),
// asked of the sample feed, the planted articles and 2,000 synthetic ones.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/lib/search/search-index';
import { loadCorpus, SYNTHETIC, type CorpusEntry } from '../../fixtures/search-judgements/corpus';
import {
  buildIndex,
  formatReport,
  indexSearch,
  JUDGEMENTS,
  runJudgedSet,
  type Judgement,
} from '../../fixtures/search-judgements/judged-set';
import { evaluate, scoreQuery } from '../../fixtures/search-judgements/metrics.mjs';

let dir = '';
let corpus: CorpusEntry[] = [];
let index: SearchIndex;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'folio-judged-'));
  corpus = await loadCorpus(dir);
  index = buildIndex(corpus);
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

const judgement = (relevant: string[]): Judgement => ({
  id: 'q',
  query: 'q',
  lang: 'en',
  filterLang: null,
  relevant,
  kind: ['word'],
  note: 'test',
});

describe('the judged query set', () => {
  it('judges at least 45 queries, 8 or more in each of English, Spanish and Persian', () => {
    expect(JUDGEMENTS.length).toBeGreaterThanOrEqual(45);
    for (const lang of ['en', 'es', 'fa']) {
      const count = JUDGEMENTS.filter((query) => query.lang === lang).length;
      expect(count, lang).toBeGreaterThanOrEqual(8);
    }
  });

  it('names only articles of the corpus, which holds the sample, planted and synthetic feeds', () => {
    const ids = new Set(corpus.map((entry) => entry.summary.id));
    expect(ids.size).toBeGreaterThanOrEqual(8 + 10 + SYNTHETIC.count);
    for (const { id, relevant } of JUDGEMENTS) {
      for (const articleId of relevant) {
        expect(ids.has(articleId), `${id}: ${articleId}`).toBe(true);
      }
    }
    expect(new Set(index.articleIds())).toEqual(ids);
  });
});

describe('the metrics', () => {
  it('score a perfect ranker 1 and 1, and one that finds nothing 0 and 0', async () => {
    const byQuery = new Map(JUDGEMENTS.map((query) => [query.query, query.relevant]));
    const perfect = await evaluate(JUDGEMENTS, (query) => byQuery.get(query) ?? []);
    expect(perfect.recallAt3).toBe(1);
    expect(perfect.mrr).toBe(1);
    expect(perfect.failures).toEqual([]);
    const empty = await evaluate(JUDGEMENTS, () => []);
    expect(empty.recallAt3).toBe(0);
    expect(empty.mrr).toBe(0);
    expect(empty.failures).toHaveLength(JUDGEMENTS.length);
  });

  it('count the share of relevant ids in the top 3 and the rank of the first one to 10', () => {
    expect(scoreQuery(judgement(['a', 'b']), ['x', 'a', 'y', 'b'])).toMatchObject({
      top: ['x', 'a', 'y'],
      recallAt3: 0.5,
      reciprocalRank: 0.5,
    });
    const tenth = [...'cdefghijk', 'a'];
    expect(scoreQuery(judgement(['a']), tenth)).toMatchObject({
      recallAt3: 0,
      reciprocalRank: 0.1,
    });
    expect(scoreQuery(judgement(['a']), [...tenth.slice(0, 9), 'l', 'a']).reciprocalRank).toBe(0);
  });

  it('refuse to score no queries at all', async () => {
    await expect(evaluate([], () => [])).rejects.toThrow();
  });
});

describe('the search ranking', () => {
  it('finds the judged articles in its top 3 for at least 90% of what they should', async () => {
    const result = await runJudgedSet(indexSearch(index, corpus));
    console.log(formatReport(result));
    expect(result.recallAt3).toBeGreaterThanOrEqual(0.9);
  });
});
