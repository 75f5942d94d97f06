import type { Messages } from './en';

const fa: Messages = {
  appName: 'فولیو',
  skipToContent: 'رفتن به محتوا',
  home: 'تازه‌ترین مطالب',
  latestHeading: 'تازه‌ترین مطالب',
  loadingArticles: 'در حال بارگیری مطالب…',
  noArticles: 'هنوز مطلبی نیست.',
  noArticlesOffline: 'هنوز مطلبی ذخیره نشده است. یک بار به اینترنت وصل شوید تا بارگیری شوند.',
  by: 'نوشتهٔ',
  categories: 'دسته‌ها',
  published: 'منتشرشده',
  backToList: 'بازگشت به تازه‌ترین مطالب',
  notFoundTitle: 'صفحه پیدا نشد',
  notFoundText: 'در این نشانی چیزی نیست.',
  articleNotFoundTitle: 'مطلب پیدا نشد',
  articleNotFoundText: 'این مطلب در خوراک ذخیره‌شده نیست. شاید برداشته شده باشد.',
  bodyNotSaved: 'متن کامل این مطلب هنوز ذخیره نشده است.',
  bodyNotSavedOffline: 'متن کامل این مطلب پیش از قطع اتصال ذخیره نشده بود.',
  comments: (count: number) => `${count.toLocaleString('fa')} دیدگاه`,
  commentsClosed: 'امکان ثبت دیدگاه بسته است.',
  inReplyTo: (name: string) => `در پاسخ به ${name}`,
  languageFallback: (wanted: string, shown: string) =>
    `به ${wanted} در دسترس نیست — نمایش به ${shown}`,
  statusSyncing: 'در حال به‌روزرسانی…',
  statusSyncingProgress: (done: number, total: number) =>
    `ذخیرهٔ مطالب: ${done.toLocaleString('fa')} از ${total.toLocaleString('fa')}`,
  statusFresh: (when: string) => `به‌روز · آخرین به‌روزرسانی ${when}`,
  statusOffline: (when: string) => `آفلاین — نمایش مطالب ذخیره‌شده ${when}`,
  statusOfflineNever: 'آفلاین — هنوز چیزی ذخیره نشده است',
  statusError: (message: string) => `به‌روزرسانی ممکن نشد: ${message}`,
  statusKept: 'مطالب ذخیره‌شدهٔ شما سر جایشان هستند.',
  statusSkipped: (count: number) => `${count.toLocaleString('fa')} مطلب بارگیری نشد`,
  statusNever: 'هنوز به‌روزرسانی نشده',
  retry: 'تلاش دوباره',
  navMain: 'اصلی',
  navBookmarks: 'نشانک‌ها',
  navSettings: 'تنظیمات',
  parallelTitle: 'موازی',
  // — categories —
  filterLegend: 'دسته‌ها',
  filterReset: 'نمایش همهٔ مطالب',
  filterHeading: (names: string) => `مطالب ${names}`,
  filterEmpty: 'در این دسته‌ها مطلب ذخیره‌شده‌ای نیست.',
  // — languages —
  alsoIn: 'به زبان‌های دیگر:',
  language: 'زبان',
  // — parallel reading —
  parallelLanguageA: 'زبان نخست',
  parallelLanguageB: 'زبان دوم',
  parallelBack: 'بازگشت به مطلب',
  parallelUneven: (a: string, countA: number, b: string, countB: number) =>
    `بندهای متن ${a} (${countA.toLocaleString('fa')}) و ${b} (${countB.toLocaleString('fa')}) یک‌به‌یک با هم جور نیستند؛ از این رو هر متن به‌طور کامل و به ترتیب نمایش داده می‌شود.`,
  parallelHint: (language: string) => `برای دیدن هر بند به ${language}، روی آن بزنید.`,
  parallelLeadCounterpart: (language: string) => `لید به ${language}`,
  parallelCounterpart: (paragraph: number, language: string) =>
    `بند ${paragraph.toLocaleString('fa')} به ${language}`,
  parallelOneLanguage: 'این مطلب فقط به یک زبان در دسترس است و نمی‌توان آن را موازی خواند.',
  // — bookmarks —
  bookmarkAdd: 'نشانک‌گذاری',
  bookmarkRemove: 'حذف نشانک',
  markRead: 'علامت‌گذاری به‌عنوان خوانده‌شده',
  markUnread: 'علامت‌گذاری به‌عنوان خوانده‌نشده',
  unreadHeading: 'مطالب خوانده‌نشده',
  unreadEmpty: 'اینجا مطلب خوانده‌نشده‌ای نیست.',
  bookmarksEmpty:
    'هنوز نشانکی ندارید. با «نشانک‌گذاری» روی هر مطلب، آن را اینجا نگه دارید، حتی بدون اینترنت.',
  bookmarkedOn: (date: string) => `نشانک‌گذاری در ${date}`,
  bookmarkWithdrawn: 'ناشر این مطلب را برداشته است — نسخهٔ ذخیره‌شدهٔ شما هنوز اینجاست',
  bookmarkPurged: 'ناشر این مطلب را حذف کرده است',
  bookmarkNotSaved:
    'روی این دستگاه ذخیره نشده است. اگر هنوز در خوراک باشد، در به‌روزرسانی بعدی ذخیره می‌شود.',
  bookmarkUntitled: 'مطلب بی‌عنوان',
  bookmarkRemoved: 'نشانک حذف شد.',
  bookmarksTransfer: 'برون‌بری و درون‌بری',
  bookmarksExport: 'برون‌بری نشانک‌ها',
  bookmarksImport: 'درون‌بری نشانک‌ها از یک پرونده',
  bookmarksImported: (added: number, kept: number) =>
    `${added.toLocaleString('fa')} نشانک افزوده شد` +
    (kept === 0 ? '.' : `؛ ${kept.toLocaleString('fa')} نشانک از پیش اینجا بود.`),
  bookmarksImportFailed: 'این پرونده درون‌بری نشد. نشانک‌های شما تغییری نکرده‌اند.',
  bookmarksFailed: 'نشانک‌های شما روی این دستگاه خوانده یا ذخیره نشدند.',
  // — bookmarks page —
  bookmarkUndo: 'بازگرداندن',
  bookmarksTransferHint:
    'نشانک‌هایتان را در یک پرونده ذخیره کنید، یا نشانک‌های پرونده‌ای را که در دستگاه دیگری برون‌بری شده بیفزایید.',
  // — reading comfort —
  settingsAppearance: 'ظاهر',
  themeLabel: 'پوسته',
  themeLight: 'روشن',
  themeDark: 'تیره',
  themeSystem: 'مانند سیستم',
  textSizeLabel: 'اندازهٔ متن',
  textSizeSmall: 'کوچک',
  textSizeMedium: 'معمولی',
  textSizeLarge: 'بزرگ',
  textSizeLarger: 'بزرگ‌تر',
  share: 'هم‌رسانی',
  linkCopied: 'پیوند رونوشت شد',
  linkCopyFailed: 'رونوشت پیوند ممکن نشد.',
  shortcutsTitle: 'میان‌برهای صفحه‌کلید',
  shortcutNext: 'مطلب بعدی فهرست',
  shortcutPrevious: 'مطلب قبلی فهرست',
  shortcutOpen: 'باز کردن مطلب انتخاب‌شده',
  shortcutBookmark: 'افزودن یا برداشتن نشانک مطلب',
  shortcutRead: 'علامت‌گذاری مقاله به‌عنوان خوانده‌شده یا خوانده‌نشده',
  shortcutHelp: 'نمایش این میان‌برها',
  shortcutOr: 'یا',
  close: 'بستن',
  // — comments and tabs —
  updatedInOtherTab: 'فولیو در زبانه‌ای دیگر به‌روز شد.',
  reload: 'بارگذاری دوباره',
  closeOtherTabs: 'برای پایان به‌روزرسانی، زبانه‌های دیگر فولیو را ببندید.',
  commentFormTitle: 'دیدگاهتان را بنویسید',
  commentFormNote: 'نشانی ایمیل شما منتشر نخواهد شد. بخش‌های موردنیاز علامت‌گذاری شده‌اند *',
  commentName: 'نام',
  commentEmail: 'ایمیل',
  commentText: 'دیدگاه',
  commentSubmit: 'فرستادن دیدگاه',
  commentNameMissing: 'نام خود را بنویسید.',
  commentEmailMissing: 'نشانی ایمیل خود را بنویسید.',
  commentEmailInvalid: 'نشانی ایمیلی مانند name@example.org بنویسید.',
  commentTextMissing: 'دیدگاه خود را بنویسید.',
  commentSending: 'در حال فرستادن دیدگاه…',
  commentQueued: 'در صف است؛ هنگامی که آنلاین شوید فرستاده می‌شود.',
  commentSent: 'دیدگاه شما فرستاده شد. ممکن است پس از بررسی نمایش داده شود.',
  commentRejected: (reason: string) => `سایت دیدگاه شما را نپذیرفت: ${reason}`,
  // — install and updates —
  installApp: 'نصب برنامه',
  iosInstallHint: 'نصب فولیو: دکمهٔ «اشتراک‌گذاری» را بزنید، سپس «افزودن به صفحهٔ اصلی» را.',
  updateAvailable: 'نسخهٔ تازه‌ای در دسترس است',
  updateReload: 'بارگذاری دوباره',
  readyOffline: 'آمادهٔ خواندن بدون اینترنت',
  pwaDismiss: 'بستن پیام',
  // — storage —
  settingsStorage: 'فضای ذخیره‌سازی',
  storageUsage: (used: string, available: string) => `${used} استفاده‌شده، ${available} در دسترس`,
  storageUsageUnknown: 'این مرورگر نمی‌گوید چه مقدار فضا استفاده شده است.',
  storagePersistent: 'مقاله‌های ذخیره‌شده حتی وقتی فضای دستگاه کم شود نگه داشته می‌شوند.',
  storageBestEffort: 'ممکن است مرورگر هنگام کمبود فضا مقاله‌های ذخیره‌شده را پاک کند.',
  storagePersist: 'مقاله‌های ذخیره‌شده را همیشه نگه دار',
  storageRetention: 'تعداد مقاله‌هایی که ذخیره می‌مانند (نشانک‌ها همیشه می‌مانند)',
  storageRetentionAll: 'همه',
  storageKeepCategory: 'این دسته را برای خواندن آفلاین ذخیره کن',
  storageKeepCategoryButton: 'ذخیرهٔ دسته',
  storageChooseCategory: 'یک دسته انتخاب کنید',
  storageKeptCategories: 'دسته‌های ذخیره‌شده برای آفلاین',
  storageForgetCategory: (name: string) => `دیگر ${name} را نگه ندار`,
  storageClear: 'پاک کردن مقاله‌های ذخیره‌شده',
  storageClearConfirm: 'همهٔ مقاله‌های ذخیره‌شده به‌جز نشانک‌ها پاک شوند؟',
  storageClearYes: 'پاکشان کن',
  storageClearNo: 'انصراف',
  storageCleared: 'مقاله‌های ذخیره‌شده پاک شدند. نشانک‌های شما سر جایشان هستند.',
  storageClearFailed: 'مقاله‌های ذخیره‌شده پاک نشدند.',
  // — older pages (issue 5) —
  olderLoad: 'بارگیری مطالب قدیمی‌تر',
  olderLoading: 'در حال بارگیری مطالب قدیمی‌تر…',
  olderAdded: (count: number) => `${count.toLocaleString('fa')} مطلب قدیمی‌تر افزوده شد.`,
  olderOffline: 'آفلاین هستید. وقتی دوباره آنلاین شوید، مطالب قدیمی‌تر بارگیری می‌شوند.',
  olderError: (message: string) => `مطالب قدیمی‌تر بارگیری نشدند: ${message}`,
  olderRetry: 'بارگیری دوبارهٔ مطالب قدیمی‌تر',
  olderEnd: 'به قدیمی‌ترین مطلب رسیده‌اید.',
  olderCrawlSetting: 'ذخیرهٔ صفحه‌های قدیمی‌تر در پس‌زمینه',
  olderCrawlProgress: (page: number, total: number | null) =>
    total === null
      ? `ذخیرهٔ مطالب قدیمی‌تر: صفحهٔ ${page.toLocaleString('fa')}`
      : `ذخیرهٔ مطالب قدیمی‌تر: صفحهٔ ${page.toLocaleString('fa')} از ${total.toLocaleString('fa')}`,
  olderCrawlStopped:
    'ذخیره در صفحه‌ای که خوانده نشد متوقف شد؛ به‌روزرسانی بعدی دوباره تلاش می‌کند.',
  // — settings page —
  settingsSavedCount: (_count: number, shown: string) =>
    `${shown} مقاله برای خواندن آفلاین ذخیره شده است`,
  settingsOlderHint: (cap: string) =>
    `فهرست حداکثر ${cap} مطلب قدیمی‌تر را برای مرور آفلاین ذخیره می‌کند. متن کامل مطالب از گزینهٔ «تعداد مقاله‌هایی که ذخیره می‌مانند» پیروی می‌کند.`,
  settingsOlderProgress: (page: string, total: string | null) =>
    total === null
      ? `ذخیرهٔ مطالب قدیمی‌تر: صفحهٔ ${page}`
      : `ذخیرهٔ مطالب قدیمی‌تر: صفحهٔ ${page} از ${total}`,
  settingsOlderDone: (_count: number, shown: string) => `همهٔ صفحه‌ها ذخیره شده‌اند: ${shown} مطلب.`,
  settingsOlderCapped: (shown: string) => `${shown} مطلب ذخیره شد: بیشترین تعداد در پس‌زمینه.`,
  settingsDownloadMobile: 'دریافت کامل مقاله‌ها با اینترنت همراه',
  settingsDownloadMobileHint:
    'اگر خاموش باشد، با اینترنت همراه یا در حالت صرفه‌جویی داده فقط متن کامل مقاله‌های نشانک‌شده دریافت می‌شود.',
  // — search (issue 5) —
  navSearch: 'جستجو',
  searchLabel: 'جستجو در مقاله‌های ذخیره‌شده',
  searchTitle: 'جستجو',
  searchCategory: 'فقط در دسته',
  searchAllCategories: 'همهٔ دسته‌ها',
  searchLanguage: 'فقط به زبان',
  searchAllLanguages: 'همهٔ زبان‌ها',
  searchPrompt:
    'یک واژه یا آغاز آن را بنویسید تا در همهٔ مقاله‌های ذخیره‌شده، بدون اینترنت، جستجو شود.',
  searchSyntax:
    'برای عبارت دقیق، واژه‌ها را در گیومه بگذارید؛ برای کنار گذاشتن یک واژه، پیش از آن منها بگذارید.',
  searchBuilding: 'در حال آماده‌سازی جستجو در مقاله‌های ذخیره‌شده…',
  searchFailed: 'جستجو اکنون در دسترس نیست. بارگذاری دوبارهٔ صفحه شاید کمک کند.',
  searchNone: (query: string) => `هیچ مقالهٔ ذخیره‌شده‌ای با «${query}» جور نیست.`,
  searchPartial: (query: string) =>
    `هیچ مقالهٔ ذخیره‌شده‌ای با همهٔ «${query}» جور نیست. نزدیک‌ترین‌ها:`,
  searchCount: (count: number, capped: boolean) =>
    capped ? `بیش از ${count.toLocaleString('fa')} نتیجه` : `${count.toLocaleString('fa')} نتیجه`,
  searchMore: 'نتیجه‌های بیشتر',
  shortcutSearch: 'رفتن به کادر جستجو',
  // — shell —
  menu: 'منو',
  searchPlaceholder: 'جستجو در مقاله‌های ذخیره‌شده',
  searchClose: 'بستن جستجو',
  languageInterfaceOnly: 'فقط منوها و پیام‌ها',
  notSavedYet: 'هنوز برای خواندن بدون اینترنت ذخیره نشده',
  // — status and titles —
  titleWithSite: (page: string, site: string) => `${page} · ${site}`,
  titleParallel: (title: string) => `موازی: ${title}`,
  titleSearch: (query: string) => `جستجو: ${query}`,
  // — خوانده و نخوانده —
  unreadMark: 'خوانده‌نشده',
  unreadOf: (unread: string, total: string) => `${unread} خوانده‌نشده از ${total}`,
  unreadCount: (count: number, shown: string) =>
    count === 0 ? 'همه خوانده شده' : `${shown} خوانده‌نشده`,
  unreadOnly: 'نخوانده‌ها',
  markAllRead: 'همه خوانده‌شده',
  markedAllRead: (_count: number, shown: string) => `${shown} مقاله خوانده‌شده علامت خورد.`,
  readMarkFailed: 'ذخیره نشد: فضای ذخیره‌سازی مرورگر پر است یا در دسترس نیست.',
  newSinceVisit: 'تازه از آخرین بازدید شما',
};

export default fa;
