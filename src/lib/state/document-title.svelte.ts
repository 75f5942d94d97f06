// The tab's title (document.title): "Page · Site", in the reader's language. Each page declares
// what it calls itself with one line in its script, e.g. `pageTitle.use(() => t.navSettings)`;
// RouteEffects writes document.title. A page that declares nothing (Home unfiltered, a page
// still loading) is titled by the site alone.
import { untrack } from 'svelte';
import { formatNumber } from '../i18n/format';
import { library } from './library.svelte';
import { locale } from './locale.svelte';
import { reader } from './reader.svelte';

/** The site's name in the reader's language: the feed's title, else the app's name. */
export function siteTitle(): string {
  const titles = library.feed?.site.title;
  if (!titles) return locale.t.appName;
  return locale.pick(titles)?.value ?? locale.t.appName;
}

/** One page's declaration, current for as long as the page is mounted. */
class Declaration {
  #title = $state<string | null>(null);

  get title(): string | null {
    return this.#title;
  }

  /** The page now calls itself `title` (null: the site's own page). */
  rename(title: string | null): void {
    this.#title = title;
  }
}

class PageTitle {
  /** Mounted pages' declarations, the newest last: it names the page. */
  #declared = $state.raw<Declaration[]>([]);

  /** Articles new since the last visit, unread: "(3) " before the title, as mail does. */
  #count = $state(0);
  #page: string | null = $derived(this.#declared.at(-1)?.title ?? null);
  #document: string = $derived.by(() => {
    const site = siteTitle();
    const title = this.#page ? locale.t.titleWithSite(this.#page, site) : site;
    return this.#count > 0 ? `(${formatNumber(this.#count, locale.lang)}) ${title}` : title;
  });

  /** Sets the count of new unread articles the title shows. */
  counted(count: number): void {
    this.#count = count;
  }

  /** What the page on screen calls itself; null when it is the site's own page. */
  get page(): string | null {
    return this.#page;
  }

  /** The tab's title. */
  get document(): string {
    return this.#document;
  }

  /**
   * Names the page while the calling component is mounted (call it in a component's script):
   * `title` is followed as it changes (a language switch, an article read); nothing, or an empty
   * title, leaves the site's title alone.
   */
  use(title: () => string | null | undefined): void {
    const declaration = new Declaration();
    $effect.pre(() => {
      declaration.rename(title() || null);
    });
    $effect.pre(() => {
      this.#declared = [...untrack(() => this.#declared), declaration];
      return () => {
        this.#declared = untrack(() => this.#declared).filter((other) => other !== declaration);
      };
    });
  }

  /** An article's page: its title once read, "Article not found" once it is known not saved. */
  article(title: () => string | null | undefined): void {
    this.use(() => (reader.phase === 'missing' ? locale.t.articleNotFoundTitle : title()));
  }

  /** The search page: "Search: query", or "Search" before a query. */
  search(query: () => string): void {
    this.use(() => {
      const asked = query().trim();
      return asked ? locale.t.titleSearch(asked) : locale.t.searchTitle;
    });
  }

  /** An article read side by side: "Side by side: Title". */
  parallel(title: () => string | null | undefined): void {
    this.article(() => {
      const shown = title();
      return shown ? locale.t.titleParallel(shown) : null;
    });
  }
}

export const pageTitle = new PageTitle();
