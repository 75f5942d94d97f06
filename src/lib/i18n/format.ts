// Building an Intl formatter costs far more than using one, and a list formats a date and a
// category list per card: one formatter per language (and kind) for the page's life.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function memo<T>(cache: Map<string, T>, lang: string, make: () => T): T {
  let found = cache.get(lang);
  if (found === undefined) {
    found = make();
    cache.set(lang, found);
  }
  return found;
}

const listFormat = (lang: string) =>
  memo(listFormats, lang, () => new Intl.ListFormat(lang, { style: 'short', type: 'unit' }));

/**
 * Builds the formatters every card uses (the first of each kind loads its locale data, tens of
 * milliseconds on a slow phone), so that start-up can pay for them while IndexedDB answers.
 */
export function warmFormats(lang: string): void {
  formatDate('2000-01-01T00:00:00Z', lang);
  listFormat(lang);
  formatNumber(0, lang);
}

/** A count in the reader's digits: "1,234", "۱٬۲۳۴". */
export function formatNumber(value: number, lang: string): string {
  return memo(numberFormats, lang, () => new Intl.NumberFormat(lang)).format(value);
}

/** Dates in the reader's language, e.g. "16 January 2022" or "16 de enero de 2022". */
export function formatDate(iso: string, lang: string): string {
  const format = memo(
    dateFormats,
    lang,
    () => new Intl.DateTimeFormat(lang, { dateStyle: 'long' }),
  );
  return format.format(new Date(iso));
}

const DAY_MS = 24 * 3600_000;

/** Formatters for a moment's parts, by kind and language. */
const momentFormats = new Map<string, Intl.DateTimeFormat>();
const clock = { hour: 'numeric', minute: '2-digit' } as const;
const MOMENT_OPTIONS = {
  time: { timeStyle: 'short' },
  weekday: { weekday: 'short', ...clock },
  date: { day: 'numeric', month: 'short', ...clock },
  dated: { day: 'numeric', month: 'short', year: 'numeric', ...clock },
  year: { year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

function momentFormat(kind: keyof typeof MOMENT_OPTIONS, lang: string): Intl.DateTimeFormat {
  return memo(
    momentFormats,
    `${kind}|${lang}`,
    () => new Intl.DateTimeFormat(lang, MOMENT_OPTIONS[kind]),
  );
}

/** The local calendar day of a moment, as a count of days (daylight saving does not shift it). */
function localDay(ms: number): number {
  const date = new Date(ms);
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/**
 * A past moment as the reader would say it, in their language, digits and calendar: the clock
 * time today ("2:32 PM", "14:32", "۱۴:۳۲"), "yesterday 6:05 PM" ("ayer 18:05", "دیروز ۱۸:۰۵"),
 * the weekday within the week ("Tue 9:10 AM"), the date before that ("Dec 3, 6:05 PM"), with
 * the year when it is not this one (in the language's calendar: Persian years turn at Nowruz).
 */
export function formatMoment(ms: number, lang: string, now = Date.now()): string {
  const days = localDay(now) - localDay(ms);
  if (days === 0) return momentFormat('time', lang).format(ms);
  if (days === 1) {
    const yesterday = memo(
      relativeFormats,
      lang,
      () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }),
    ).format(-1, 'day');
    return `${yesterday} ${momentFormat('time', lang).format(ms)}`;
  }
  if (days > 1 && days < 7) return momentFormat('weekday', lang).format(ms);
  const year = momentFormat('year', lang);
  const thisYear = year.format(ms) === year.format(now);
  return momentFormat(thisYear ? 'date' : 'dated', lang).format(ms);
}

export type ListPart = { type: 'item'; index: number } | { type: 'separator'; value: string };

/**
 * A list's items and the separators the language puts between them ("a, b" in English,
 * "a، b" in Persian), so each item can be rendered as a link.
 */
export function listParts(count: number, lang: string): ListPart[] {
  const placeholders = Array.from({ length: count }, (_, index) => `\u0000${index}\u0000`);
  const parts = listFormat(lang).formatToParts(placeholders);
  return parts.map((part) =>
    part.type === 'element'
      ? { type: 'item', index: Number(part.value.slice(1, -1)) }
      : { type: 'separator', value: part.value },
  );
}

/** Items joined as the language joins a list. */
export function formatList(items: string[], lang: string): string {
  return listFormat(lang).format(items);
}
