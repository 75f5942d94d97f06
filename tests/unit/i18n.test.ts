import { describe, expect, it } from 'vitest';
import { findMessages, messagesFor } from '../../src/lib/i18n/catalog';

describe('UI string catalog', () => {
  it('finds English, Spanish and Persian by tag, case-insensitively', () => {
    expect(messagesFor('en').retry).toBe('Try again');
    expect(messagesFor('ES').retry).toBe('Reintentar');
    expect(messagesFor('fa').retry).toBe('تلاش دوباره');
  });

  it('falls back from a regional tag to its language, then to English', () => {
    expect(messagesFor('es-MX').retry).toBe('Reintentar');
    expect(messagesFor('de').retry).toBe('Try again');
    expect(findMessages('de')).toBeUndefined();
  });

  it('gives every language the same keys as English', () => {
    const keys = Object.keys(messagesFor('en')).sort();
    for (const lang of ['es', 'fa']) {
      expect(Object.keys(findMessages(lang) ?? {}).sort()).toEqual(keys);
    }
  });
});
