import { copyForWorker } from './reader-choices';

// The inline script in index.html reads the same key and values before the first paint: keep
// the two in step. It is static and dependency-free, so that a Content-Security-Policy allows it
// by its hash; comments stay out of it, as every byte of index.html is in the precache. Its
// theme-color metas are the header's colour in each scheme (--header-bg in src/app.css).
const STORAGE_KEY = 'folio:prefs';

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const TEXT_SIZES = ['small', 'medium', 'large', 'larger'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface Prefs {
  theme: Theme;
  textSize: TextSize;
}

export const DEFAULT_PREFS: Prefs = { theme: 'system', textSize: 'medium' };

function isOneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

/** Reads stored preferences field by field: a broken or older value falls back to the default. */
export function parsePrefs(text: string | null): Prefs {
  let data: unknown;
  try {
    data = text === null ? null : JSON.parse(text);
  } catch {
    data = null;
  }
  if (typeof data !== 'object' || data === null) return { ...DEFAULT_PREFS };
  const theme = 'theme' in data ? data.theme : undefined;
  const textSize = 'textSize' in data ? data.textSize : undefined;
  return {
    theme: isOneOf(THEMES, theme) ? theme : DEFAULT_PREFS.theme,
    textSize: isOneOf(TEXT_SIZES, textSize) ? textSize : DEFAULT_PREFS.textSize,
  };
}

function readStored(): Prefs {
  try {
    return parsePrefs(globalThis.localStorage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return { ...DEFAULT_PREFS }; // storage blocked: defaults for this visit
  }
}

/** Puts the preferences on <html>, where app.css turns them into colours and a font scale. */
export function applyPrefs(prefs: Prefs, root: HTMLElement = document.documentElement): void {
  // No attribute for "system": the prefers-color-scheme media query decides then.
  if (prefs.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = prefs.theme;
  if (prefs.textSize === DEFAULT_PREFS.textSize) delete root.dataset.textSize;
  else root.dataset.textSize = prefs.textSize;
  followTheme(prefs.theme, root);
}

/**
 * The browser's bar takes the header's colour: each scheme's own (index.html's media-qualified
 * theme-color metas) while the system decides, the chosen theme's in both otherwise.
 */
function followTheme(theme: Theme, root: HTMLElement): void {
  const metas = root.ownerDocument.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]');
  const chosen = getComputedStyle(root).getPropertyValue('--header-bg').trim();
  for (const meta of metas) {
    meta.dataset.scheme ??= meta.content;
    meta.content = theme === 'system' || chosen === '' ? meta.dataset.scheme : chosen;
  }
}

/** The reader's display preferences, remembered on this device. */
class Preferences {
  #theme = $state<Theme>(DEFAULT_PREFS.theme);
  #textSize = $state<TextSize>(DEFAULT_PREFS.textSize);

  constructor() {
    const stored = readStored();
    this.#theme = stored.theme;
    this.#textSize = stored.textSize;
  }

  get theme(): Theme {
    return this.#theme;
  }

  get textSize(): TextSize {
    return this.#textSize;
  }

  setTheme(theme: Theme): void {
    this.#theme = theme;
    this.#save();
  }

  setTextSize(textSize: TextSize): void {
    this.#textSize = textSize;
    this.#save();
  }

  /** Applies the preferences and follows changes made in other tabs; returns the undo. */
  start(): () => void {
    this.apply();
    // Choices made before the worker read them from IndexedDB (or in a tab it never heard from).
    void copyForWorker({ theme: this.#theme, textSize: this.#textSize });
    const onStorage = (event: StorageEvent): void => {
      if (event.key !== STORAGE_KEY) return;
      const stored = readStored();
      this.#theme = stored.theme;
      this.#textSize = stored.textSize;
      this.apply();
    };
    globalThis.addEventListener('storage', onStorage);
    return () => globalThis.removeEventListener('storage', onStorage);
  }

  apply(): void {
    if (typeof document === 'undefined') return;
    applyPrefs({ theme: this.#theme, textSize: this.#textSize });
  }

  #save(): void {
    this.apply();
    void copyForWorker({ theme: this.#theme, textSize: this.#textSize });
    try {
      globalThis.localStorage?.setItem(
        STORAGE_KEY,
        JSON.stringify({ theme: this.#theme, textSize: this.#textSize }),
      );
    } catch {
      // storage blocked: the choice lasts for this visit only
    }
  }
}

export const preferences = new Preferences();
