import { describe, expect, it } from 'vitest';
import { findMessages, loadMessages, messagesFor } from '../../src/lib/i18n/catalog';

describe('UI string catalog', () => {
  it('has English at once, and other languages once loaded, by tag, case-insensitively', async () => {
    expect(messagesFor('en').retry).toBe('Try again');
    expect((await loadMessages('ES'))?.retry).toBe('Reintentar');
    expect((await loadMessages('fa'))?.retry).toBe('تلاش دوباره');
    expect(messagesFor('ES').retry).toBe('Reintentar');
    expect(messagesFor('fa').retry).toBe('تلاش دوباره');
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
