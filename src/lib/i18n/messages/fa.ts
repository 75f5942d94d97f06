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
  readMore: 'خواندن مطلب',
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
  // — languages —
  // — parallel reading —
  // — bookmarks —
  // — reading comfort —
};

export default fa;
