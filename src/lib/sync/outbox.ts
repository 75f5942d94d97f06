import * as v from 'valibot';
import {
  deleteOutboxEntry,
  getDb,
  getOutboxEntry,
  listOutbox,
  putOutboxEntry,
  type CommentDraft,
  type FolioDB,
} from '../db';
import type { FetchLike } from '../feed';
import { announce } from '../channel';
import { commentsUrl } from './config';

/** Background Sync tag and Web Lock name: one sender at a time across pages and the worker. */
export const OUTBOX_TAG = 'folio-outbox';

/**
 * 'unreachable' covers a network error and a 5xx: the comment itself may be fine, so it waits.
 * 'rejected' is the site's answer about the comment (4xx), with its reason.
 */
export type SendResult =
  { status: 'sent' } | { status: 'rejected'; reason: string } | { status: 'unreachable' };

/** WordPress's REST error body. */
const WpError = v.object({ code: v.string(), message: v.pipe(v.string(), v.nonEmpty()) });

async function reasonOf(response: Response): Promise<string> {
  try {
    const parsed = v.safeParse(WpError, await response.json());
    if (parsed.success) return parsed.output.message;
  } catch {
    // Not JSON (a proxy's error page): the status is all there is to say.
  }
  return `HTTP ${response.status}`;
}

/** One `POST /wp-json/wp/v2/comments`. */
export async function postComment(
  url: string,
  draft: CommentDraft,
  fetch: FetchLike,
): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(draft),
    });
  } catch {
    return { status: 'unreachable' };
  }
  if (response.ok) return { status: 'sent' };
  if (response.status >= 400 && response.status < 500) {
    return { status: 'rejected', reason: await reasonOf(response) };
  }
  return { status: 'unreachable' };
}

export interface FlushReport {
  sent: string[];
  rejected: string[];
  /** Still queued: the site could not be reached. */
  waiting: string[];
}

async function flushUnlocked(db: FolioDB, url: string, fetch: FetchLike): Promise<FlushReport> {
  const report: FlushReport = { sent: [], rejected: [], waiting: [] };
  const queued = (await listOutbox(db)).filter((entry) => entry.state === 'queued');
  for (const [index, entry] of queued.entries()) {
    const result = await postComment(url, entry.draft, fetch);
    // Re-read after the network: the reader may have changed the entry meanwhile.
    const current = await getOutboxEntry(db, entry.id);
    if (result.status === 'sent') {
      await deleteOutboxEntry(db, entry.id);
      report.sent.push(entry.id);
    } else if (result.status === 'rejected') {
      if (current)
        await putOutboxEntry(db, { ...current, state: 'rejected', reason: result.reason });
      report.rejected.push(entry.id);
    } else {
      // Offline: the rest would fail the same way.
      report.waiting.push(...queued.slice(index).map((rest) => rest.id));
      break;
    }
  }
  return report;
}

/**
 * Sends every queued comment, oldest first. Storage is read and written between requests, never
 * across one; a Web Lock keeps a page and the worker from sending the same comment twice.
 */
export function flushOutbox(db: FolioDB, url: string, fetch: FetchLike): Promise<FlushReport> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return flushUnlocked(db, url, fetch);
  return locks.request(OUTBOX_TAG, () => flushUnlocked(db, url, fetch));
}

/** Sends the queue to the configured endpoint (page or worker) and tells every page. */
export async function sendOutboxNow(): Promise<FlushReport | null> {
  const url = commentsUrl();
  if (!url) return null;
  const report = await flushOutbox(await getDb(), url, (input, init) => fetch(input, init));
  if (report.sent.length > 0 || report.rejected.length > 0) announce({ type: 'outbox-changed' });
  return report;
}
