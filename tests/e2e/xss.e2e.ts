import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, openSynced, useSession } from './harness';

// Each payload of the corpus becomes the body of one article of a feed made for this test.
const PAYLOADS = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'tests/fixtures/xss/payloads.json'), 'utf8'),
) as string[];
const idOf = (index: number) => `xss-${String(index + 1).padStart(3, '0')}`;
const titleOf = (index: number) => `Payload ${index + 1}`;

function writeHostileFeed(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-xss-feed-'));
  mkdirSync(path.join(dir, 'articles'));
  const date = '2026-11-01T00:00:00Z';
  const summaries = PAYLOADS.map((body, index) => {
    const id = idOf(index);
    const article = { version: 1, id, published: date, updated: date, categories: [] };
    const translations = { en: { title: titleOf(index), body } };
    writeFileSync(
      path.join(dir, 'articles', `${id}.json`),
      JSON.stringify({ ...article, translations }),
    );
    return {
      ...article,
      href: `articles/${id}.json`,
      translations: { en: { title: titleOf(index) } },
    };
  });
  const index = {
    version: 1,
    site: { title: { en: 'Hostile feed' } },
    languages: [{ code: 'en', name: 'English' }],
    defaultLanguage: 'en',
    categories: [],
    updated: date,
    articles: summaries,
  };
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify(index));
  return dir;
}

const session = useSession({ contentFrom: writeHostileFeed() });
const CHUNK = 30;

describe(`XSS corpus (${PAYLOADS.length} payloads rendered as article bodies)`, () => {
  for (let start = 0; start < PAYLOADS.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, PAYLOADS.length);
    it(`payloads ${start + 1}–${end}: no script runs, nothing leaves the origin, the page stays usable`, async () => {
      const { page, context, server } = session();
      const origin = new URL(server.base).origin;
      const foreign: string[] = [];
      const dialogs: string[] = [];
      await context.route(
        (url) => url.origin !== origin && url.protocol.startsWith('http'),
        async (route) => {
          foreign.push(route.request().url());
          await route.abort();
        },
      );
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await openSynced(session());

      for (let index = start; index < end; index++) {
        const what = `payload ${index + 1}: ${PAYLOADS[index]?.slice(0, 120)}`;
        await page.goto(`${server.base}/article/${idOf(index)}`);
        await page.getByRole('heading', { level: 1, name: titleOf(index) }).waitFor();
        const body = page.locator('div.body');
        await body.waitFor({ state: 'attached' });
        // Give handlers a chance: hover the body, wait for images and timers to settle.
        await page.mouse.move(200, 400);
        await page.waitForTimeout(50);

        const inspected = await page.evaluate(() => {
          const root = document.querySelector('div.body');
          const nav = document.querySelector('nav a');
          const box = nav?.getBoundingClientRect();
          const hit = box
            ? document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
            : null;
          return {
            global: 'xss' in window || '__xss' in window,
            dangerous: root?.querySelectorAll(
              'script, iframe, object, embed, form, input, button, style, link, meta, base, svg, math, [style], [id], [name]',
            ).length,
            handlers: [...(root?.querySelectorAll('*') ?? [])].some((element) =>
              [...element.attributes].some((attribute) => /^on/i.test(attribute.name)),
            ),
            unsafeUrls: [...(root?.querySelectorAll('[href], [src]') ?? [])].some((element) =>
              /^(?!https?:|mailto:|tel:)/i.test(
                element.getAttribute('href') ?? element.getAttribute('src') ?? '',
              ),
            ),
            navReachable: !!hit && !!nav && nav.contains(hit),
          };
        });
        expect(inspected, what).toEqual({
          global: false,
          dangerous: 0,
          handlers: false,
          unsafeUrls: false,
          navReachable: true,
        });
      }
      expect(dialogs, 'dialogs opened').toEqual([]);
      expect(foreign, 'requests to other origins').toEqual([]);
    });
  }
});
