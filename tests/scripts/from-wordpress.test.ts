// @vitest-environment node
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readPosts, writeFeed } from '../../scripts/from-wordpress.mjs';
import { convertPosts } from '../../scripts/lib/wordpress.mjs';
import { decodeEntities, liftFromBody, slugify } from '../../scripts/lib/wordpress-text.mjs';
import { validateFeed } from '../../src/lib/feed/validate';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/wordpress/posts.json');
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function convertFixture(options = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-wp-'));
  temporary.push(dir);
  await writeFeed(dir, convertPosts((await readPosts(FIXTURE)).posts, options));
  const read = async (file: string) => JSON.parse(await readFile(path.join(dir, file), 'utf8'));
  return { dir, read };
}

const readFromDisk = async (url: string) => {
  try {
    return new Response(await readFile(fileURLToPath(url)));
  } catch {
    return new Response('', { status: 404 });
  }
};

describe('npm run feed:from-wordpress', () => {
  it('writes a feed that passes feed:validate', async () => {
    const { dir } = await convertFixture({ pageSize: 2 });
    const report = await validateFeed(pathToFileURL(path.join(dir, 'index.json')).href, {
      fetch: readFromDisk,
    });
    expect(report).toEqual({ problems: [], warnings: [], pages: 2, articles: 3 });
  });

  it('groups Polylang translations into one article, newest first', async () => {
    const { read } = await convertFixture();
    const index = await read('index.json');
    expect(index.languages).toEqual([
      { code: 'en', name: 'English', dir: 'ltr' },
      { code: 'es', name: 'Español', dir: 'ltr' },
    ]);
    expect(index.articles.map((a: { id: string }) => a.id)).toEqual([
      'organizing-immigration-issue-cause-of-escalation-of-divergence-in-eu',
      'germanys-new-defense-policy-guidelines',
      'the-truth-about-us-troop-pullout-from-iraq',
    ]);
    const iraq = await read('articles/the-truth-about-us-troop-pullout-from-iraq.json');
    expect(Object.keys(iraq.translations)).toEqual(['en', 'es']);
    expect(iraq.published).toBe('2022-01-16T08:00:00Z');
    expect(iraq.updated).toBe('2022-01-16T10:00:00Z');
    expect(iraq.translations.es.postId).toBe(48290);
    // "EE.&nbsp;UU.": the no-break space WordPress wrote stays, so the title never breaks there.
    expect(iraq.translations.es.title).toBe(
      'La verdad sobre la retirada de tropas de EE.\u00a0UU. de Irak',
    );
    expect(index.categories).toContainEqual({
      id: 'political',
      name: { en: 'political', es: 'Política' },
    });
  });

  it('lifts the kind, the lead and the author role out of the body, as the seed site writes them', async () => {
    const { read } = await convertFixture();
    const iraq = await read('articles/the-truth-about-us-troop-pullout-from-iraq.json');
    expect(iraq.translations.en).toMatchObject({
      kind: 'Opinion',
      lead: 'December 31, 2021 was the deadline for the withdrawal of US troops from Iraq under an agreement reached in July last year.',
      author: { name: 'Seyed Reza Qazvini Ghorabi', role: 'Expert on Iraq affairs' },
    });
    expect(iraq.translations.en.body.startsWith('<p>It was in January 2020')).toBe(true);
    expect(iraq.translations.es).toMatchObject({
      kind: 'Opinión',
      author: { role: 'Experto en asuntos de Irak' },
    });
    // No byline paragraph: the embedded WordPress author stands in.
    const eu = await read(
      'articles/organizing-immigration-issue-cause-of-escalation-of-divergence-in-eu.json',
    );
    expect(eu.translations.en).toMatchObject({
      kind: 'Interview',
      author: { name: 'Strategic Council Online' },
    });
  });

  it('leaves a body alone when it does not start the seed site’s way', () => {
    const body = '<p>Just a first paragraph: with a colon.</p><p>Second – paragraph</p>';
    expect(liftFromBody(body)).toEqual({ body });
  });

  it('decodes entities and makes ids that match the feed pattern', () => {
    expect(decodeEntities('Germany&#8217;s &#8220;New&#8221; &amp; &hellip;')).toBe(
      'Germany’s “New” & …',
    );
    expect(slugify('Política%20exterior – Año 2023!')).toBe('politica-exterior-ano-2023');
    expect(slugify('%d8%b3%d9%84%d8%a7%d9%85')).toBe('');
  });
});
