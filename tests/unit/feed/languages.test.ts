import { describe, expect, it } from 'vitest';
import { chooseTranslation } from '../../../src/lib/feed';

const feed = {
  defaultLanguage: 'en',
  languages: [
    { code: 'en', name: 'English', dir: 'ltr' as const },
    { code: 'es', name: 'Español', dir: 'ltr' as const },
    { code: 'fa', name: 'فارسی', dir: 'rtl' as const },
  ],
};

describe('chooseTranslation', () => {
  it('shows the chosen language when the article has it', () => {
    expect(chooseTranslation({ en: 'E', es: 'S' }, 'es', feed)).toEqual({
      lang: 'es',
      value: 'S',
      fellBack: false,
    });
  });

  it('compares tags case-insensitively', () => {
    expect(chooseTranslation({ 'pt-BR': 'P' }, 'pt-br', feed)?.fellBack).toBe(false);
  });

  it('falls back to the default language, then the first feed language the article has', () => {
    expect(chooseTranslation({ en: 'E', fa: 'F' }, 'es', feed)).toMatchObject({
      lang: 'en',
      fellBack: true,
    });
    expect(chooseTranslation({ fa: 'F', es: 'S' }, 'de', feed)).toMatchObject({
      lang: 'es',
      fellBack: true,
    });
  });

  it('returns undefined for an article with no translations', () => {
    expect(chooseTranslation({}, 'en', feed)).toBeUndefined();
  });
});
