import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { REPO_ROOT, openSynced, useSession, waitForStatus } from './harness';

const session = useSession({
  contentFrom: path.join(REPO_ROOT, 'tests/fixtures/feeds/trilingual'),
});

const html = (page: import('playwright-core').Page) =>
  page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

describe('languages', () => {
  it('switches UI and content, falls back with a notice, and mirrors for Persian', async () => {
    const { page, server } = session();
    await page.goto(`${server.base}/`);
    await page.getByRole('heading', { level: 1, name: 'Latest articles' }).waitFor();
    await waitForStatus(page, 'fresh');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Últimos artículos' }).waitFor();
    await page
      .getByRole('link', { name: 'La diplomacia discreta vuelve al golfo Pérsico' })
      .waitFor();
    expect(await html(page)).toEqual(['es', 'ltr']);

    await page.getByRole('link', { name: 'Notes from a Trade Fair in Tashkent' }).click();
    await page.getByText('No disponible en Español: se muestra en English').waitFor();

    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('fa');
    await page.getByText('به فارسی در دسترس نیست — نمایش به English').waitFor();
    expect(await html(page)).toEqual(['fa', 'rtl']);
    await page.goto(`${server.base}/article/parallel-all`);
    const title = page.getByRole('heading', {
      level: 1,
      name: 'بازگشت دیپلماسی آرام به خلیج فارس',
    });
    await title.waitFor();
    // The layout mirrors: the heading's first line starts at the right edge of its column.
    const gap = await title.evaluate((heading) => {
      const range = document.createRange();
      range.selectNodeContents(heading);
      const firstLine = range.getClientRects()[0];
      return firstLine ? heading.getBoundingClientRect().right - firstLine.right : null;
    });
    expect(gap).not.toBeNull();
    expect(Math.abs(gap ?? Infinity)).toBeLessThan(2);
    await expectNoAxeViolations(page);
  });

  it('remembers the choice offline, and a link can carry the language', async () => {
    const { page, context, server } = session();
    await openSynced(session());
    await page.goto(`${server.base}/?lang=fa`);
    await page.getByRole('heading', { level: 1, name: 'تازه‌ترین مطالب' }).waitFor();

    await context.setOffline(true);
    await page.goto(`${server.base}/`);
    await page.getByRole('heading', { level: 1, name: 'تازه‌ترین مطالب' }).waitFor();
    await waitForStatus(page, 'offline');
    expect(await html(page)).toEqual(['fa', 'rtl']);
    // The status may say "updating" once more while the page's own sync attempt fails.
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('آفلاین');
    await expectNoAxeViolations(page);
  });
});
