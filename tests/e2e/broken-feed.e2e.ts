import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleLink,
  expectAllListed,
  expectArticleShown,
  openSynced,
  sampleArticle,
  statusText,
  useSession,
  waitForQuiet,
  waitForSettled,
  waitForStatus,
  type Session,
} from './harness';

const session = useSession();

const TRUNCATED_JSON = '{"version": 1, "articles": [';
const HTML_PAGE =
  '<!doctype html><html lang="en"><head><title>Not found</title></head>' +
  '<body><h1>Not found</h1><p>The page you asked for is not here.</p></body></html>\n';

/** After a good first sync, the publisher's index.json is replaced and the reader reloads. */
async function breakFeedAndReload(current: Session, indexText: string): Promise<void> {
  await openSynced(current);
  await current.server.writeContent('index.json', indexText);
  await current.page.reload();
  await waitForStatus(current.page, 'error');
  expect(await waitForQuiet(current.page)).toBe('error');
}

/** What was saved stays readable: every article is listed and one never opened opens in full. */
async function expectSavedArticlesReadable(current: Session, id: string): Promise<void> {
  await expectAllListed(current.page);
  await articleLink(current.page, sampleArticle(id).title).click();
  await expectArticleShown(current.page, id);
}

describe('a broken feed', () => {
  it('names index.json when it is not valid JSON, and keeps the saved articles', async () => {
    const current = session();
    await breakFeedAndReload(current, TRUNCATED_JSON);

    const text = await statusText(current.page);
    expect(text).toMatch(/^Could not update: index\.json: not valid JSON \(.+\)/);
    expect(text).toContain('Your saved articles are still here.');
    await current.page.getByRole('button', { name: 'Try again' }).waitFor();

    await expectSavedArticlesReadable(current, 'natos-ambiguous-mission-in-iraq');
  });

  it('says an HTML page came instead of index.json, and keeps the saved articles', async () => {
    const current = session();
    await breakFeedAndReload(current, HTML_PAGE);

    const text = await statusText(current.page);
    expect(text).toContain(
      'Could not update: index.json: received an HTML page instead of JSON (is the feed address right?)',
    );
    expect(text).toContain('Your saved articles are still here.');

    await expectSavedArticlesReadable(
      current,
      'single-state-irans-solution-to-the-palestinian-crisis',
    );
  });

  it('"Try again" recovers once the feed is fixed', async () => {
    const current = session();
    const good = await readFile(path.join(current.server.contentDir, 'index.json'), 'utf8');
    await breakFeedAndReload(current, TRUNCATED_JSON);

    await current.server.writeContent('index.json', good);
    const before = current.server.hits.length;
    await current.page.getByRole('button', { name: 'Try again' }).click();
    await waitForSettled(current.page);
    expect(current.server.hits.slice(before)).toContain('/content/index.json');
    expect(await statusText(current.page)).toMatch(/^Up to date · updated \S/);
    await expect
      .poll(() => current.page.getByRole('button', { name: 'Try again' }).count())
      .toBe(0);
    await expectAllListed(current.page);
  });
});
