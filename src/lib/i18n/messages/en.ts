/** English UI strings; every other UI language is a file of this shape. */
const en = {
  appName: 'Folio',
  skipToContent: 'Skip to content',
  home: 'Latest articles',
  latestHeading: 'Latest articles',
  loadingArticles: 'Loading articles…',
  noArticles: 'No articles yet.',
  noArticlesOffline: 'No articles saved yet. Connect to the internet once to download them.',
  by: 'By',
  categories: 'Categories',
  published: 'Published',
  readMore: 'Read article',
  backToList: 'Back to the latest articles',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is nothing at this address.',
  articleNotFoundTitle: 'Article not found',
  articleNotFoundText: 'This article is not in the saved feed. It may have been withdrawn.',
  bodyNotSaved: 'The full text of this article has not been saved yet.',
  bodyNotSavedOffline: 'The full text of this article was not saved before you went offline.',
  comments: (count: number) => (count === 1 ? '1 comment' : `${count} comments`),
  commentsClosed: 'Comments are closed.',
  inReplyTo: (name: string) => `In reply to ${name}`,
  languageFallback: (wanted: string, shown: string) =>
    `Not available in ${wanted} — showing ${shown}`,
  statusSyncing: 'Updating…',
  statusSyncingProgress: (done: number, total: number) => `Saving articles: ${done} of ${total}`,
  statusFresh: (when: string) => `Up to date · updated ${when}`,
  statusOffline: (when: string) => `Offline — showing articles saved ${when}`,
  statusOfflineNever: 'Offline — nothing saved yet',
  statusError: (message: string) => `Could not update: ${message}`,
  statusKept: 'Your saved articles are still here.',
  statusSkipped: (count: number) =>
    count === 1 ? '1 article could not be loaded' : `${count} articles could not be loaded`,
  statusNever: 'Not updated yet',
  retry: 'Try again',
  navMain: 'Main',
  navBookmarks: 'Bookmarks',
  navSettings: 'Settings',
  parallelTitle: 'Side by side',
  // — categories —
  // — languages —
  // — parallel reading —
  // — bookmarks —
  // — reading comfort —
};

export type Messages = typeof en;
export default en;
