/**
 * English UI strings of the views that are chunks of their own (an article, side by side,
 * Bookmarks, Settings, Search, the dialogs and notes): fetched with those views (see
 * `loadPageMessages` in catalog.ts), so that Home's first paint does not wait for them.
 */
const enPages = {
  backToList: 'Back to the latest articles',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is nothing at this address.',
  articleNotFoundText: 'This article is not in the saved feed. It may have been withdrawn.',
  bodyNotSaved: 'The full text of this article has not been saved yet.',
  bodyNotSavedOffline: 'The full text of this article was not saved before you went offline.',
  commentsClosed: 'Comments are closed.',
  inReplyTo: (name: string) => `In reply to ${name}`,
  languageFallback: (wanted: string, shown: string) =>
    `Not available in ${wanted} — showing ${shown}`,
  parallelTitle: 'Side by side',
  // — languages —
  alsoIn: 'Also in:',
  // — parallel reading —
  parallelLanguageA: 'First language',
  parallelLanguageB: 'Second language',
  parallelBack: 'Back to the article',
  parallelUneven: (a: string, countA: number, b: string, countB: number) =>
    `The paragraphs in ${a} (${countA}) and ${b} (${countB}) do not match one to one, so each text is shown in full, in order.`,
  parallelHint: (language: string) => `Tap a paragraph to see it in ${language}.`,
  parallelLeadCounterpart: (language: string) => `The lead in ${language}`,
  parallelCounterpart: (paragraph: number, language: string) =>
    `Paragraph ${paragraph} in ${language}`,
  parallelOneLanguage:
    'This article is available in one language only, so it cannot be read side by side.',
  // — bookmarks —
  bookmarksEmpty: 'No bookmarks yet. Use “Bookmark” on any article to keep it here, even offline.',
  bookmarkedOn: (date: string) => `Bookmarked ${date}`,
  bookmarkWithdrawn: 'Withdrawn by the publisher — your saved copy is still here',
  bookmarkPurged: 'Taken down by the publisher',
  bookmarkNotSaved:
    'Not saved on this device. It will be saved at the next update if it is still in the feed.',
  bookmarkUntitled: 'Untitled article',
  bookmarkRemoved: 'Bookmark removed.',
  bookmarksTransfer: 'Export and import',
  bookmarksExport: 'Export bookmarks',
  bookmarksImport: 'Import bookmarks from a file',
  bookmarksImported: (added: number, kept: number) =>
    (added === 1 ? '1 bookmark added' : `${added} bookmarks added`) +
    (kept === 0 ? '.' : kept === 1 ? '; 1 was already here.' : `; ${kept} were already here.`),
  bookmarksImportFailed: 'This file could not be imported. Your bookmarks are unchanged.',
  bookmarksFailed: 'Your bookmarks could not be read or saved on this device.',
  // — bookmarks page —
  bookmarkUndo: 'Undo',
  bookmarksTransferHint:
    'Save your bookmarks to a file, or add the ones from a file exported on another device.',
  // — reading comfort —
  settingsAppearance: 'Appearance',
  themeLabel: 'Theme',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeSystem: 'Same as system',
  textSizeLabel: 'Text size',
  textSizeSmall: 'Small',
  textSizeMedium: 'Standard',
  textSizeLarge: 'Large',
  textSizeLarger: 'Larger',
  share: 'Share',
  linkCopied: 'Link copied',
  linkCopyFailed: 'The link could not be copied.',
  shortcutsTitle: 'Keyboard shortcuts',
  shortcutNext: 'Next article in the list',
  shortcutPrevious: 'Previous article in the list',
  shortcutOpen: 'Open the selected article',
  shortcutBookmark: 'Bookmark or unbookmark the article',
  shortcutRead: 'Mark the article read or unread',
  shortcutOr: 'or',
  // — comments and tabs —
  commentFormTitle: 'Leave a comment',
  commentFormNote: 'Your email address will not be published. Required fields are marked *',
  commentName: 'Name',
  commentEmail: 'Email',
  commentText: 'Comment',
  commentSubmit: 'Post comment',
  commentNameMissing: 'Enter your name.',
  commentEmailMissing: 'Enter your email address.',
  commentEmailInvalid: 'Enter an email address such as name@example.org.',
  commentTextMissing: 'Write your comment.',
  commentSending: 'Sending your comment…',
  commentQueued: 'Queued — it will be sent when you are online.',
  commentSent: 'Your comment was sent. The site may show it after moderation.',
  commentRejected: (reason: string) => `The site did not accept your comment: ${reason}`,
  // — install and updates —
  iosInstallHint: 'Install Folio: tap the Share button, then “Add to Home Screen”.',
  updateAvailable: 'New version available',
  updateReload: 'Reload',
  readyOffline: 'Ready to read offline',
  pwaDismiss: 'Dismiss',
  // — storage —
  settingsStorage: 'Storage',
  storageUsage: (used: string, available: string) => `${used} used, ${available} available`,
  storageUsageUnknown: 'This browser does not say how much space is used.',
  storagePersistent: 'Saved articles are kept even when the device runs short of space.',
  storageBestEffort: 'The browser may delete saved articles when the device runs short of space.',
  storagePersist: 'Keep saved articles for good',
  storageRetention: 'Articles to keep saved (bookmarks are always kept)',
  storageRetentionAll: 'All',
  storageKeepCategory: 'Save this category for offline',
  storageKeepCategoryButton: 'Save category',
  storageChooseCategory: 'Choose a category',
  storageKeptCategories: 'Categories saved for offline',
  storageForgetCategory: (name: string) => `Stop keeping ${name}`,
  storageClear: 'Clear saved articles',
  storageClearConfirm: 'Delete every saved article except your bookmarks?',
  storageClearYes: 'Clear them',
  storageClearNo: 'Cancel',
  storageCleared: 'Saved articles cleared. Your bookmarks are still here.',
  storageClearFailed: 'Saved articles could not be cleared.',
  // — older pages (issue 5) —
  olderCrawlSetting: 'Save older pages in the background',
  olderCrawlStopped:
    'Saving older pages stopped at a page that could not be read; the next update tries again.',
  // — settings page —
  settingsSavedCount: (count: number, shown: string) =>
    count === 1
      ? `${shown} article saved for offline reading`
      : `${shown} articles saved for offline reading`,
  settingsOlderHint: (cap: string) =>
    `Lists up to ${cap} older articles for offline browsing. Full texts follow the “Articles to keep saved” choice.`,
  settingsOlderProgress: (page: string, total: string | null) =>
    total === null
      ? `Saving older articles: page ${page}`
      : `Saving older articles: page ${page} of ${total}`,
  settingsOlderDone: (count: number, shown: string) =>
    count === 1
      ? `Every page is saved: ${shown} article listed.`
      : `Every page is saved: ${shown} articles listed.`,
  settingsOlderCapped: (shown: string) =>
    `${shown} articles listed: the most saved in the background.`,
  settingsDownloadMobile: 'Download full articles on mobile data',
  settingsDownloadMobileHint:
    'When off, on mobile data or with Data Saver on, only bookmarked articles are downloaded in full.',
  // — search (issue 5) —
  searchCategory: 'In category',
  searchAllCategories: 'All categories',
  searchLanguage: 'In language',
  searchAllLanguages: 'All languages',
  searchPrompt: 'Type a word or the start of one to search every saved article, offline.',
  searchSyntax:
    'Put words in quotes for an exact phrase; put a minus before a word to leave it out.',
  searchBuilding: 'Preparing search of your saved articles…',
  searchFailed: 'Search is not available right now. Reloading the page may help.',
  searchNone: (query: string) => `No saved article matches “${query}”.`,
  searchPartial: (query: string) =>
    `No saved article matches all of “${query}”. The closest matches:`,
  searchCount: (count: number, capped: boolean) =>
    capped
      ? `More than ${count.toLocaleString('en')} results`
      : count === 1
        ? '1 result'
        : `${count.toLocaleString('en')} results`,
  searchMore: 'Show more results',
  shortcutSearch: 'Go to the search field',
  // — older pages (issue 5) —
  olderLoad: 'Load older articles',
  olderLoading: 'Loading older articles…',
  olderAdded: (count: number) =>
    count === 1 ? '1 older article added.' : `${count} older articles added.`,
  olderOffline: 'You are offline. Older articles can load once you are back online.',
  olderError: (message: string) => `Older articles could not be loaded: ${message}`,
  olderRetry: 'Try loading older articles again',
  olderEnd: 'You have reached the oldest article.',
  olderCrawlProgress: (page: number, total: number | null) =>
    total === null
      ? `Saving older articles: page ${page}`
      : `Saving older articles: page ${page} of ${total}`,
  // — read and unread —
  markRead: 'Mark as read',
  markUnread: 'Mark as unread',
  unreadMark: 'Unread',
  unreadOf: (unread: string, total: string) => `${unread} unread of ${total}`,
  unreadCount: (count: number, shown: string) =>
    count === 0 ? 'All read' : count === 1 ? '1 unread' : `${shown} unread`,
  unreadOnly: 'Unread only',
  markAllRead: 'Mark all as read',
  markedAllRead: (count: number, shown: string) =>
    count === 1 ? 'Marked 1 article as read.' : `Marked ${shown} articles as read.`,
  readMarkFailed: 'Could not save: the browser’s storage is full or unavailable.',
  newSinceVisit: 'New since your last visit',
  // — highlights and notes —
  highlightSelection: 'Highlight',
  highlightFailed: 'Could not save: the browser’s storage is full or unavailable.',
  highlightDialogTitle: 'Highlight',
  highlightNote: 'Note',
  highlightSave: 'Save',
  highlightDelete: 'Delete highlight',
  highlightsHeading: (count: number) =>
    count === 1 ? 'Your highlight' : `Your highlights (${count})`,
  highlightShow: 'Show in the text',
  highlightAddNote: 'Add a note',
  highlightEditNote: 'Edit the note',
  highlightOrphaned: 'This passage is no longer in the article. Your note is kept.',
  highlightTakenDown:
    'The publisher took this article down, and its text with it. Your note is kept.',
  shortcutHighlight: 'Highlight the selection, or the first paragraph on screen',
  navHighlights: 'Highlights',
  libraryNav: 'Your collections',
  highlightsFailed: 'Your highlights could not be read. They are still stored; try again.',
  highlightsEmpty:
    'No highlights yet. Select a passage in an article and choose Highlight, or press h.',
  highlightsFilter: 'Search your highlights and notes',
  highlightsFound: (count: number, shown: string) =>
    count === 0 ? 'No highlight matches.' : count === 1 ? '1 highlight' : `${shown} highlights`,
  highlightOpen: 'Open at the passage',
  readerLayerImported: (highlights: number, reads: number) =>
    `${highlights === 1 ? '1 highlight' : `${highlights} highlights`} and ${reads === 1 ? '1 read mark' : `${reads} read marks`} brought up to date.`,
  highlightsExport: 'Export as Markdown',
  highlightsExportJson: 'Export as JSON',
};

export type PageMessages = typeof enPages;
export default enPages;
