import { chooseTranslation, type ChosenTranslation } from '../feed/languages';
import type { Language } from '../feed/schema';
import { messagesFor, type Messages } from '../i18n/catalog';
import { library } from './library.svelte';

const STORAGE_KEY = 'folio:lang';
// Until the feed says otherwise (before the first sync), these scripts are known to run RTL.
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'dv', 'yi', 'sd', 'ug']);

function storedChoice(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage blocked: the choice lasts for this visit only
  }
}

/** The reader's language: the UI strings and the content shown. */
class Locale {
  /** The reader's explicit choice, remembered; null follows the feed's default language. */
  chosen = $state<string | null>(storedChoice());

  lang = $derived.by(() => {
    const feed = library.feed;
    if (!feed) return this.chosen ?? 'en';
    const declared = this.chosen
      ? feed.languages.find((l) => l.code.toLowerCase() === this.chosen?.toLowerCase())
      : undefined;
    return declared?.code ?? feed.defaultLanguage;
  });
  t: Messages = $derived(messagesFor(this.lang));

  get languages(): Language[] {
    return library.feed?.languages ?? [];
  }

  /** Remembers the reader's choice, so an installed app reopens in it. */
  choose(code: string): void {
    this.chosen = code;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, code);
    } catch {
      // storage blocked: the choice lasts for this visit only
    }
  }

  dirOf(code: string): 'ltr' | 'rtl' {
    const language = this.languages.find((l) => l.code.toLowerCase() === code.toLowerCase());
    if (language) return language.dir;
    return RTL_LANGUAGES.has(code.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
  }

  nameOf(code: string): string {
    const language = this.languages.find((l) => l.code.toLowerCase() === code.toLowerCase());
    return language?.name ?? code;
  }

  /** The translation to show, following the spec's fallback order. */
  pick<T>(translations: Record<string, T>): ChosenTranslation<T> | undefined {
    const feed = library.feed ?? { defaultLanguage: this.lang, languages: [] };
    return chooseTranslation(translations, this.lang, feed);
  }
}

export const locale = new Locale();
