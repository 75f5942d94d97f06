import type { Language } from './schema';

/** BCP 47 tags compare case-insensitively: `pt-BR` equals `pt-br`, not `pt`. */
export function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Finds the declared spelling of a language code, or undefined when it is not declared. */
export function declaredCode(languages: readonly Language[], code: string): string | undefined {
  return languages.find((language) => sameLanguage(language.code, code))?.code;
}

/**
 * Re-keys a translations map by the declared codes. Returns the first undeclared key instead
 * when there is one: such an article is invalid.
 */
export function canonicalTranslations<T>(
  translations: Record<string, T>,
  languages: readonly Language[],
): { ok: Record<string, T> } | { undeclared: string } {
  const ok: Record<string, T> = {};
  for (const [key, value] of Object.entries(translations)) {
    const code = declaredCode(languages, key);
    if (!code) return { undeclared: key };
    ok[code] = value;
  }
  return { ok };
}

export interface ChosenTranslation<T> {
  lang: string;
  value: T;
  /** True when the reader's language was missing and another was shown instead. */
  fellBack: boolean;
}

/**
 * The spec's choice: the reader's language, else the feed's default, else the first of the
 * feed's languages that the article has (else any it has, for a feed whose languages changed).
 */
export function chooseTranslation<T>(
  translations: Record<string, T>,
  wanted: string,
  feed: { defaultLanguage: string; languages: readonly Language[] },
): ChosenTranslation<T> | undefined {
  const codes = Object.keys(translations);
  const find = (code: string) => codes.find((key) => sameLanguage(key, code));
  const exact = find(wanted);
  const lang =
    exact ??
    find(feed.defaultLanguage) ??
    feed.languages.map((language) => find(language.code)).find((code) => code !== undefined) ??
    codes[0];
  if (lang === undefined) return undefined;
  const value = translations[lang];
  if (value === undefined) return undefined;
  return { lang, value, fellBack: exact === undefined };
}
