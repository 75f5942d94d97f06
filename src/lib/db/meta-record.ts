import type { FolioDB } from './open';
import type { ReaderRecord, StorageSettingsRecord } from './schema';

/** The meta records that are choices: defaults for every field, changed a few at a time. */
type Choices = StorageSettingsRecord | ReaderRecord;

function merged<T extends Choices>(defaults: T, stored: unknown): T {
  // Fields added later are missing from older records: the defaults fill them.
  const own =
    typeof stored === 'object' && stored !== null && 'key' in stored && stored.key === defaults.key
      ? stored
      : {};
  return { ...defaults, ...own };
}

/** The record of `defaults.key`, its missing fields (or all of it) from `defaults`. */
export async function readChoices<T extends Choices>(db: FolioDB, defaults: T): Promise<T> {
  return merged(defaults, await db.get('meta', defaults.key));
}

/**
 * Changes some fields, keeping the others, in one transaction; writes nothing when the stored
 * record already says so.
 */
export async function changeChoices<T extends Choices>(
  db: FolioDB,
  defaults: T,
  change: Partial<Omit<T, 'key'>>,
): Promise<T> {
  const tx = db.transaction('meta', 'readwrite');
  const stored = await tx.store.get(defaults.key);
  const current = merged(defaults, stored);
  const next: T = { ...current, ...change, key: defaults.key };
  const fields = Object.keys(change) as (keyof typeof change)[];
  const same = stored !== undefined && fields.every((name) => current[name] === next[name]);
  await Promise.all([same ? undefined : tx.store.put(next), tx.done]);
  return next;
}
