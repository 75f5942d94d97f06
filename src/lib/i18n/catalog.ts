import type { Messages } from './messages/en';
import en from './messages/en';

// Adding a UI language is one file in ./messages named by its BCP 47 tag, e.g. `pt-BR.ts`.
const modules = import.meta.glob<{ default: Messages }>('./messages/*.ts', { eager: true });

const catalog = new Map<string, Messages>(
  Object.entries(modules).map(([path, module]) => [
    (/([^/]+)\.ts$/.exec(path)?.[1] ?? path).toLowerCase(),
    module.default,
  ]),
);

/** The UI strings for `lang`: exact tag, then its primary language (`pt-BR` → `pt`), then English. */
export function messagesFor(lang: string): Messages {
  return findMessages(lang) ?? en;
}

/** The UI strings written for `lang`, or undefined where the UI falls back to English. */
export function findMessages(lang: string): Messages | undefined {
  const tag = lang.toLowerCase();
  return catalog.get(tag) ?? catalog.get(tag.split('-')[0] ?? tag);
}

export type { Messages };
