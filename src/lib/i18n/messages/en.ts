/**
 * English UI strings of the app's shell (the header, the status line, Home and its cards): in
 * the first script a phone downloads. The strings of every other view are in ../en-pages.ts,
 * fetched with those views. Every other UI language is one file of the whole shape (Messages).
 */
import type { PageMessages } from '../en-pages';

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
  articleNotFoundTitle: 'Article not found',
  comments: (count: number) => (count === 1 ? '1 comment' : `${count} comments`),
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
  // — categories —
  filterLegend: 'Categories',
  filterReset: 'Show all articles',
  filterHeading: (names: string) => `Articles in ${names}`,
  filterEmpty: 'No saved articles in these categories.',
  // — languages —
  language: 'Language',
  // — bookmarks —
  bookmarkAdd: 'Bookmark',
  bookmarkRemove: 'Remove bookmark',
  unreadHeading: 'Unread articles',
  unreadEmpty: 'Nothing unread here.',
  // — reading comfort —
  shortcutHelp: 'Show these shortcuts',
  close: 'Close',
  // — comments and tabs —
  updatedInOtherTab: 'Folio was updated in another tab.',
  reload: 'Reload',
  closeOtherTabs: 'Close other Folio tabs to finish updating.',
  // — install and updates —
  installApp: 'Install app',
  // — search (issue 5) —
  navSearch: 'Search',
  searchLabel: 'Search saved articles',
  searchTitle: 'Search',
  // — shell —
  menu: 'Menu',
  searchPlaceholder: 'Search saved articles',
  searchClose: 'Close search',
  languageInterfaceOnly: 'Menus and messages only',
  notSavedYet: 'Not saved for offline yet',
  // — status and titles —
  titleWithSite: (page: string, site: string) => `${page} · ${site}`,
  titleParallel: (title: string) => `Side by side: ${title}`,
  titleSearch: (query: string) => `Search: ${query}`,
};

export type ShellMessages = typeof en;
export type Messages = ShellMessages & PageMessages;
export default en;
