/** Messages between the sync runner (page or service worker) and every open page. */
export type SyncMessage =
  /** The stored sync state changed (started, progressed, finished). */
  | { type: 'sync-state' }
  /** Stored content changed: pages reload what they show from IndexedDB. */
  | { type: 'content-changed' }
  /** Queued comments were sent or refused: pages re-read the outbox. */
  | { type: 'outbox-changed' };

const CHANNEL = 'folio-sync';

let outgoing: BroadcastChannel | null = null;

export function announce(message: SyncMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  outgoing ??= new BroadcastChannel(CHANNEL);
  outgoing.postMessage(message);
}

function isSyncMessage(data: unknown): data is SyncMessage {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return type === 'sync-state' || type === 'content-changed' || type === 'outbox-changed';
}

/** Listens on a channel of its own, so messages this context sends itself arrive too. */
export function listen(handler: (message: SyncMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isSyncMessage(event.data)) handler(event.data);
  };
  return () => channel.close();
}
