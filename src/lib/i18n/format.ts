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

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "3 minutes ago", "yesterday", "just now" style wording for a past moment. */
export function formatRelative(ms: number, lang: string, now = Date.now()): string {
  const elapsed = now - ms;
  const format = memo(
    relativeFormats,
    lang,
    () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }),
  );
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(-Math.round(elapsed / size), unit);
  }
  return format.format(0, 'second');
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
