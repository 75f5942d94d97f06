// Where the reader left each article, as a fraction of the page's scroll range, so the spot
// survives a change of text size or window. Only the most recent articles are kept.
const STORAGE_KEY = 'folio:positions';
export const POSITION_LIMIT = 200;

type Entry = [id: string, fraction: number];

function isEntry(value: unknown): value is Entry {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'number' &&
    value[1] >= 0 &&
    value[1] <= 1
  );
}

/** Oldest first; invalid entries are dropped, a broken value reads as no positions. */
function readEntries(): Entry[] {
  try {
    const data: unknown = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(data) ? data.filter(isEntry) : [];
  } catch {
    return [];
  }
}

export function savedPosition(id: string): number | undefined {
  return readEntries().find(([entryId]) => entryId === id)?.[1];
}

export function savePosition(id: string, fraction: number): void {
  const clamped = Math.min(1, Math.max(0, fraction));
  const entries = readEntries().filter(([entryId]) => entryId !== id);
  entries.push([id, clamped]);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(entries.slice(-POSITION_LIMIT)));
  } catch {
    // storage blocked or full: the position is simply not remembered
  }
}

function scrollRange(): number {
  return Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
}

/** How far down the page the reader is, from 0 (top) to 1 (bottom). */
export function scrollFraction(): number {
  const range = scrollRange();
  return range > 0 ? Math.min(1, Math.max(0, window.scrollY / range)) : 0;
}

export function scrollToFraction(fraction: number): void {
  // Instant, never smooth: a restored position is not a motion the reader asked for.
  window.scrollTo({ top: Math.round(fraction * scrollRange()), behavior: 'instant' });
}
