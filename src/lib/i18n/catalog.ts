import type { Messages } from './messages/en';
import shell from './messages/en';

// Adding a UI language is one file in ./messages named by its BCP 47 tag, e.g. `pt-BR.ts`.
// English is every other language's fallback: its shell's strings are in the first script, the
// rest (../en-pages.ts) a chunk fetched with the first view that needs them. The other languages
// are chunks of their own, so a reader downloads only the language they read.
const loaders = import.meta.glob<{ default: Messages }>(['./messages/*.ts', '!./messages/en.ts']);

const tagOf = (path: string) => (/([^/]+)\.ts$/.exec(path)?.[1] ?? path).toLowerCase();

const available = new Map(Object.entries(loaders).map(([path, load]) => [tagOf(path), load]));
/**
 * English, complete once `loadPageMessages` has resolved. Until then only the shell's strings
 * are there: every view outside the shell awaits it before it renders (`withPageMessages`).
 */
const en = shell as Messages;
const loaded = new Map<string, Messages>([['en', en]]);

let pageMessages: Promise<void> | undefined;

/** Completes the English strings with those of the views outside the shell; never rejects. */
export function loadPageMessages(): Promise<void> {
  pageMessages ??= import('./en-pages')
    .then(({ default: pages }) => void Object.assign(en, pages))
    .catch((error: unknown) => {
      pageMessages = undefined; // an update replaced the chunk: the next view asks again
      console.warn('UI strings failed to load', error);
    });
  return pageMessages;
}

/** A view's chunk, resolved once the strings it shows are in too. */
export async function withPageMessages<T>(chunk: Promise<T>): Promise<T> {
  const [loadedChunk] = await Promise.all([chunk, loadPageMessages()]);
  return loadedChunk;
}

/** The catalog's tag for `lang`: exact, then its primary language (`pt-BR` → `pt`). */
function catalogTag(lang: string): string | undefined {
  const tag = lang.toLowerCase();
  const primary = tag.split('-')[0] ?? tag;
  return [tag, primary].find((candidate) => loaded.has(candidate) || available.has(candidate));
}

/**
 * Loads the UI strings for `lang` once; resolves to them, or undefined where the UI falls back
 * to English. Never rejects: a chunk that fails to load leaves the English fallback.
 */
export async function loadMessages(lang: string): Promise<Messages | undefined> {
  const tag = catalogTag(lang);
  if (tag === undefined) return undefined;
  const ready = loaded.get(tag);
  if (ready) return ready;
  try {
    const module = await (available.get(tag) as () => Promise<{ default: Messages }>)();
    loaded.set(tag, module.default);
    return module.default;
  } catch (error) {
    console.warn(`UI strings for ${tag} failed to load`, error);
    return undefined;
  }
}

/** Every language the interface is written in (BCP 47 tags, lower case), English first. */
export function uiLanguages(): string[] {
  return ['en', ...[...available.keys()].sort()];
}

/** Whether the interface is written in `lang` (exactly, or in its primary language). */
export function hasMessages(lang: string): boolean {
  return catalogTag(lang) !== undefined;
}

/** Whether `lang`'s strings are available without waiting (loaded, or English by fallback). */
export function messagesReady(lang: string): boolean {
  const tag = catalogTag(lang);
  return tag === undefined || loaded.has(tag);
}

/**
 * The UI strings for `lang` as far as loaded: exact tag, then its primary language, then
 * English (also while the language's own strings are still loading).
 */
export function messagesFor(lang: string): Messages {
  return findMessages(lang) ?? en;
}

/** The loaded UI strings written for `lang`, or undefined where the UI shows English. */
export function findMessages(lang: string): Messages | undefined {
  const tag = catalogTag(lang);
  return tag === undefined ? undefined : loaded.get(tag);
}

export type { Messages };
