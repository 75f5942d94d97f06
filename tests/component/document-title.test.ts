// The tab's title: "Page · Site" in the reader's language, the site's title alone on Home.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { navigate } from 'svelte-routing';
import App from '../../src/App.svelte';
import { getDb } from '../../src/lib/db';
import { localBackend } from '../../src/lib/search/local-backend';
import { locale } from '../../src/lib/state/locale.svelte';
import { search } from '../../src/lib/state/search.svelte';
import { trilingualArticles, trilingualIndex } from '../fixtures/trilingual';
import { goTo, seed } from './helpers';

const SITE = 'Folio trilingual test feed';
const SITE_ES = 'Fuente de prueba trilingüe de Folio';
const SITE_FA = 'خوراک آزمایشی سه‌زبانهٔ فولیو';
const ARTICLE = 'Quiet Diplomacy Returns to the Persian Gulf';

async function open(path: string): Promise<void> {
  await seed(trilingualIndex(), trilingualArticles());
  goTo(path);
  render(App);
}

/** Pages and languages load lazily: the title follows a few ticks later. */
async function expectTitle(title: string): Promise<void> {
  await vi.waitFor(() => expect(document.title).toBe(title), { timeout: 5_000 });
}

// The pages and the UI languages are chunks loaded on demand: compiled here once, not inside
// the first test's time.
beforeAll(async () => {
  await Promise.all([
    import('../../src/routes/Home.svelte'),
    import('../../src/routes/ArticlePage.svelte'),
    import('../../src/routes/ParallelPage.svelte'),
    import('../../src/routes/BookmarksPage.svelte'),
    import('../../src/routes/SettingsPage.svelte'),
    import('../../src/routes/SearchPage.svelte'),
    import('../../src/routes/NotFound.svelte'),
    import('../../src/lib/i18n/messages/es'),
    import('../../src/lib/i18n/messages/fa'),
  ]);
}, 30_000);

afterEach(() => {
  localStorage.clear();
  locale.followFeed();
  document.title = 'Folio';
});

describe('Document title', () => {
  it("is the article's title and the site's on an article", async () => {
    await open('/article/parallel-all');
    await expectTitle(`${ARTICLE} · ${SITE}`);
  });

  it("is the article's title in the language shown", async () => {
    locale.choose('es');
    await open('/article/parallel-all');
    await expectTitle(`La diplomacia discreta vuelve al golfo Pérsico · ${SITE_ES}`);
  });

  it('says "Article not found" for an article that is not saved', async () => {
    await open('/article/no-such-article');
    await screen.findByRole('heading', { level: 1, name: 'Article not found' });
    await expectTitle(`Article not found · ${SITE}`);
  });

  it('says "Side by side" on an article read side by side', async () => {
    await open('/article/parallel-all/parallel?a=en&b=fa');
    await expectTitle(`Side by side: ${ARTICLE} · ${SITE}`);
  });

  it("names Bookmarks, Settings and Search, and an unknown address, with the site's title", async () => {
    await open('/bookmarks');
    // jsdom has no workers: the search page's service runs in this thread.
    search.connect(localBackend(getDb));
    await expectTitle(`Bookmarks · ${SITE}`);
    navigate('/settings');
    await expectTitle(`Settings · ${SITE}`);
    navigate('/search');
    await expectTitle(`Search · ${SITE}`);
    navigate('/search?q=diplomacy');
    await expectTitle(`Search: diplomacy · ${SITE}`);
    navigate('/no/such/page');
    await expectTitle(`Page not found · ${SITE}`);
  });

  it("is the site's title alone on Home, and says the categories when filtered", async () => {
    document.title = 'something else';
    await open('/');
    await expectTitle(SITE);
    navigate('/?c=diplomacy');
    await expectTitle(`Articles in Diplomacy · ${SITE}`);
    navigate('/bookmarks');
    await expectTitle(`Bookmarks · ${SITE}`);
    navigate('/');
    await expectTitle(SITE);
  });

  it('follows a change of language', async () => {
    await open('/bookmarks');
    await expectTitle(`Bookmarks · ${SITE}`);
    locale.choose('es');
    await expectTitle(`Marcadores · ${SITE_ES}`);
    locale.choose('fa');
    await expectTitle(`نشانک‌ها · ${SITE_FA}`);
    navigate('/article/parallel-all');
    await expectTitle(`بازگشت دیپلماسی آرام به خلیج فارس · ${SITE_FA}`);
  });
});
