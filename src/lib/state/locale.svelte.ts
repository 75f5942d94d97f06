import { chooseTranslation, type ChosenTranslation } from '../feed/languages';
import type { Language } from '../feed/schema';
import { messagesFor, type Messages } from '../i18n/catalog';
import { library } from './library.svelte';

/** The reader's language: the UI strings and the content shown. */
class Locale {
  /** The reader's explicit choice; null follows the feed's default language. */
  chosen = $state<string | null>(null);

  lang = $derived(this.chosen ?? library.feed?.defaultLanguage ?? 'en');
  t: Messages = $derived(messagesFor(this.lang));

  get languages(): Language[] {
    return library.feed?.languages ?? [];
  }

  dirOf(code: string): 'ltr' | 'rtl' {
    const language = this.languages.find((l) => l.code.toLowerCase() === code.toLowerCase());
    return language?.dir ?? 'ltr';
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
