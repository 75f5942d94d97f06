import { chooseTranslation, type ChosenTranslation } from '../feed/languages';
import type { Language } from '../feed/schema';
import { loadMessages, messagesFor, messagesReady, type Messages } from '../i18n/catalog';
import { library } from './library.svelte';
import { languageFromSearch } from './route-params';

const STORAGE_KEY = 'folio:lang';
/** The UI language last shown, even when the feed chose it: loaded before the first paint. */
const SHOWN_KEY = 'folio:ui-lang';
// Until the feed says otherwise (before the first sync), these scripts are known to run RTL.
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'dv', 'yi', 'sd', 'ug']);

function stored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null; // storage blocked: the choice lasts for this visit only
  }
}

function store(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // storage blocked: the choice lasts for this visit only
  }
}

/** The reader's language: the UI strings and the content shown. */
class Locale {
  /** The reader's explicit choice, remembered; null follows the feed's default language. */
  chosen = $state<string | null>(stored(STORAGE_KEY));
  /** Bumped when a language's strings arrive, so `t` picks them up. */
  #catalogVersion = $state(0);

  lang = $derived.by(() => {
    const feed = library.feed;
    if (!feed) return this.chosen ?? 'en';
    const declared = this.chosen
      ? feed.languages.find((l) => l.code.toLowerCase() === this.chosen?.toLowerCase())
      : undefined;
    return declared?.code ?? feed.defaultLanguage;
  });
  /** English until the language's own strings have loaded (see `preload`). */
  t: Messages = $derived.by(() => {
    void this.#catalogVersion;
    const lang = this.lang;
    if (!messagesReady(lang)) void loadMessages(lang).then(() => this.#catalogVersion++);
    return messagesFor(lang);
  });

  /**
   * Loads the strings the first paint will most likely need (a `?lang=` link, the reader's
   * choice, the language last shown), so a Spanish or Persian reader never sees English flash.
   */
  async preload(search = globalThis.location?.search ?? ''): Promise<void> {
    const likely = [languageFromSearch(search), this.chosen, stored(SHOWN_KEY)];
    const tags = new Set(likely.filter((tag): tag is string => tag !== null));
    await Promise.all([...tags].map((tag) => loadMessages(tag)));
    this.#catalogVersion++;
  }

  /** Remembers the language on screen for the next start's `preload`. */
  rememberShown(): void {
    if (stored(SHOWN_KEY) !== this.lang) store(SHOWN_KEY, this.lang);
  }

  get languages(): Language[] {
    return library.feed?.languages ?? [];
  }

  /** Remembers the reader's choice, so an installed app reopens in it. */
  choose(code: string): void {
    this.chosen = code;
    store(STORAGE_KEY, code);
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
