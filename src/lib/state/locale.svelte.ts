import { chooseTranslation, type ChosenTranslation } from '../feed/languages';
import type { Language } from '../feed/schema';
import {
  hasMessages,
  loadMessages,
  messagesFor,
  messagesReady,
  uiLanguages,
  type Messages,
} from '../i18n/catalog';
import { library } from './library.svelte';
import { copyForWorker } from './reader-choices';
import { languageFromSearch } from '../ui/route-params';

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

function forget(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // storage blocked: nothing was remembered
  }
}

function nativeName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language the reader can choose: the feed's, or one the interface alone is written in. */
export interface LanguageChoice {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
  /** The feed has articles in it; false: only the interface (menus, messages) changes. */
  content: boolean;
}

/**
 * The reader's language. `lang` is the content's (a language the feed carries); `uiLang` the
 * interface's, which may be one the feed lacks (a Persian reader of an English-only feed).
 */
class Locale {
  #chosen = $state<string | null>(stored(STORAGE_KEY));
  #copied = false;
  /** Bumped when a language's strings arrive, so `t` picks them up. */
  #catalogVersion = $state(0);

  #lang = $derived.by(() => {
    const feed = library.feed;
    if (!feed) return this.#chosen ?? 'en';
    const declared = this.#chosen
      ? feed.languages.find((l) => l.code.toLowerCase() === this.#chosen?.toLowerCase())
      : undefined;
    return declared?.code ?? feed.defaultLanguage;
  });
  #uiLang = $derived.by(() => {
    const chosen = this.#chosen;
    if (chosen === null || chosen.toLowerCase() === this.#lang.toLowerCase()) return this.#lang;
    if (!library.feed) return chosen;
    return hasMessages(chosen) ? chosen : this.#lang;
  });
  #t: Messages = $derived.by(() => {
    void this.#catalogVersion;
    const lang = this.#uiLang;
    if (!messagesReady(lang)) void loadMessages(lang).then(() => this.#catalogVersion++);
    return messagesFor(lang);
  });

  /** The reader's explicit choice, remembered; null follows the feed's default language. */
  get chosen(): string | null {
    return this.#chosen;
  }

  /** The content's language: the reader's choice when the feed carries it, else the feed's. */
  get lang(): string {
    return this.#lang;
  }

  /** The interface's language: the reader's choice when the UI is written in it, else `lang`. */
  get uiLang(): string {
    return this.#uiLang;
  }

  /** English until the language's own strings have loaded (see `preload`). */
  get t(): Messages {
    return this.#t;
  }

  /**
   * Loads the strings the first paint will most likely need (a `?lang=` link, the reader's
   * choice, the language last shown), so a Spanish or Persian reader never sees English flash.
   */
  async preload(search = globalThis.location?.search ?? ''): Promise<void> {
    const likely = [languageFromSearch(search), this.#chosen, stored(SHOWN_KEY)];
    const tags = new Set(likely.filter((tag): tag is string => tag !== null));
    await Promise.all([...tags].map((tag) => loadMessages(tag)));
    this.#catalogVersion++;
  }

  /**
   * The service worker's render of Home: the reader's choice as IndexedDB keeps it (a worker
   * has no localStorage), with that language's strings loaded. Call after `library.adopt`.
   */
  async adoptChoice(code: string | null): Promise<void> {
    this.#chosen = code;
    await loadMessages(this.#uiLang);
    this.#catalogVersion++;
  }

  /** Remembers the language on screen for the next start's `preload`. */
  rememberShown(): void {
    if (stored(SHOWN_KEY) !== this.#uiLang) store(SHOWN_KEY, this.#uiLang);
    // Once per start: a choice made before the worker read IndexedDB reaches it too.
    if (this.#copied) return;
    this.#copied = true;
    void copyForWorker({ uiLang: this.#chosen });
  }

  get languages(): Language[] {
    return library.feed?.languages ?? [];
  }

  /** The feed's languages, then those only the interface is written in. */
  get choices(): LanguageChoice[] {
    const feed = this.languages.map((language) => ({ ...language, content: true }));
    const known = new Set(feed.map((language) => language.code.toLowerCase().split('-')[0]));
    const interfaceOnly = uiLanguages()
      .filter((tag) => !known.has(tag.split('-')[0]))
      .map((code) => ({ code, name: nativeName(code), dir: this.dirOf(code), content: false }));
    return feed.length === 0 ? [] : [...feed, ...interfaceOnly];
  }

  /** The value the language menu shows: the interface's language, as the reader chose it. */
  get choice(): string {
    return this.#uiLang;
  }

  /** Remembers the reader's choice, so an installed app reopens in it. */
  choose(code: string): void {
    this.#chosen = code;
    store(STORAGE_KEY, code);
    void copyForWorker({ uiLang: code });
  }

  /** Forgets the reader's choice: the feed's default language again, now and on the next start. */
  followFeed(): void {
    this.#chosen = null;
    forget(STORAGE_KEY);
    void copyForWorker({ uiLang: null });
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
    const feed = library.feed ?? { defaultLanguage: this.#lang, languages: [] };
    return chooseTranslation(translations, this.#lang, feed);
  }
}

export const locale = new Locale();
