import { describe, expect, it } from 'vitest';
import {
  findMessages,
  loadMessages,
  loadPageMessages,
  messagesFor,
} from '../../src/lib/i18n/catalog';
import { formatMoment } from '../../src/lib/i18n/format';

describe('UI string catalog', () => {
  it('has English at once, and other languages once loaded, by tag, case-insensitively', async () => {
    expect(messagesFor('en').retry).toBe('Try again');
    expect((await loadMessages('ES'))?.retry).toBe('Reintentar');
    expect((await loadMessages('fa'))?.retry).toBe('تلاش دوباره');
    expect(messagesFor('ES').retry).toBe('Reintentar');
    expect(messagesFor('fa').retry).toBe('تلاش دوباره');
  });

  it('writes result counts in each language’s digits and grouping', async () => {
    await loadPageMessages();
    await loadMessages('fa');
    await loadMessages('es');
    expect(messagesFor('fa').searchCount(2, false)).toBe('۲ نتیجه');
    expect(messagesFor('fa').searchCount(1200, true)).toBe('بیش از ۱٬۲۰۰ نتیجه');
    expect(messagesFor('en').searchCount(1200, false)).toBe('1,200 results');
    expect(messagesFor('en').searchCount(1, false)).toBe('1 result');
    expect(messagesFor('es').searchCount(12000, false)).toBe('12.000 resultados');
  });

  it('falls back from a regional tag to its language, then to English', async () => {
    expect((await loadMessages('es-MX'))?.retry).toBe('Reintentar');
    expect(messagesFor('es-MX').retry).toBe('Reintentar');
    expect(await loadMessages('de')).toBeUndefined();
    expect(messagesFor('de').retry).toBe('Try again');
    expect(findMessages('de')).toBeUndefined();
  });

  it('gives every language the same keys as English', async () => {
    const keys = Object.keys(messagesFor('en')).sort();
    for (const lang of ['es', 'fa']) {
      expect(Object.keys((await loadMessages(lang)) ?? {}).sort()).toEqual(keys);
    }
  });
});

describe('formatMoment', () => {
  /** Wednesday 25 March 2026, 10:00 local time: 5 Farvardin 1405, days after Nowruz. */
  const now = new Date(2026, 2, 25, 10, 0).getTime();
  const at = (month: number, day: number, hours: number, minutes: number, year = 2026) =>
    new Date(year, month, day, hours, minutes).getTime();

  it('says the clock time today, "yesterday" and the time, the weekday within the week', () => {
    expect(formatMoment(at(2, 25, 9, 5), 'en', now)).toBe('9:05 AM');
    expect(formatMoment(at(2, 25, 0, 0), 'en', now)).toBe('12:00 AM');
    expect(formatMoment(at(2, 24, 23, 59), 'en', now)).toBe('yesterday 11:59 PM');
    expect(formatMoment(at(2, 24, 18, 5), 'es', now)).toBe('ayer 18:05');
    expect(formatMoment(at(2, 24, 18, 5), 'fa', now)).toBe('دیروز ۱۸:۰۵');
    expect(formatMoment(at(2, 23, 9, 10), 'en', now)).toBe('Mon 9:10 AM');
    expect(formatMoment(at(2, 19, 9, 10), 'en', now)).toBe('Thu 9:10 AM');
    expect(formatMoment(at(2, 19, 9, 10), 'es', now)).toBe('jue, 9:10');
    expect(formatMoment(at(2, 19, 9, 10), 'fa', now)).toBe('پنجشنبه ۹:۱۰');
  });

  it('says the date a week ago and before, with the year when it is not this one', () => {
    expect(formatMoment(at(2, 18, 18, 5), 'en', now)).toBe('Mar 18, 6:05 PM');
    expect(formatMoment(at(2, 18, 18, 5), 'es', now)).toBe('18 mar, 18:05');
    expect(formatMoment(at(11, 3, 18, 5, 2025), 'en', now)).toBe('Dec 3, 2025, 6:05 PM');
    expect(formatMoment(at(11, 3, 18, 5, 2025), 'es', now)).toBe('3 dic 2025, 18:05');
  });

  it('counts years in the language’s calendar: the Persian year turned at Nowruz', () => {
    // 18 March 2026 is still 1404 in the Persian calendar; 22 March is 1405, as is "now".
    expect(formatMoment(at(2, 18, 18, 5), 'fa', now)).toBe('۲۷ اسفند ۱۴۰۴، ۱۸:۰۵');
    expect(formatMoment(at(2, 17, 18, 5), 'en', now)).toBe('Mar 17, 6:05 PM');
  });

  it('says a moment later today by its time, and a later day by its date', () => {
    expect(formatMoment(at(2, 25, 11, 0), 'en', now)).toBe('11:00 AM');
    expect(formatMoment(at(2, 27, 11, 0), 'en', now)).toBe('Mar 27, 11:00 AM');
  });
});
