import type { FolioDB } from './open';
import type { OutboxEntry } from './schema';

/** Every comment waiting or refused, oldest first: the order they are sent in. */
export function listOutbox(db: FolioDB): Promise<OutboxEntry[]> {
  return db.getAllFromIndex('outbox', 'by-created');
}

export async function putOutboxEntry(db: FolioDB, entry: OutboxEntry): Promise<void> {
  await db.put('outbox', entry);
}

export function getOutboxEntry(db: FolioDB, id: string): Promise<OutboxEntry | undefined> {
  return db.get('outbox', id);
}

export async function deleteOutboxEntry(db: FolioDB, id: string): Promise<void> {
  await db.delete('outbox', id);
}
