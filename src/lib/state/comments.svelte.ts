import { getDb, listOutbox, putOutboxEntry, type OutboxEntry } from '../db';
import { commentsUrl } from '../sync/config';
import { sendOutboxNow } from '../sync/outbox';
import { registerOutboxSync } from '../sync/outbox-client';
import type { CommentFields } from '../ui/comment-form';

/**
 * Where the reader's comment on the open article stands: 'idle' (nothing written yet),
 * 'sending', 'queued' (waits for the network), 'sent', 'rejected' (the site's reason is shown
 * and the form is refilled for editing).
 */
export type CommentStatus = 'idle' | 'sending' | 'queued' | 'sent' | 'rejected';

class CommentsState {
  #articleId = $state<string | null>(null);
  #status = $state<CommentStatus>('idle');
  #reason = $state('');
  #rejected = $state.raw<OutboxEntry | null>(null);
  /** Ids queued on this article, to notice when they leave the outbox. */
  #waiting = new Set<string>();

  get articleId(): string | null {
    return this.#articleId;
  }

  get status(): CommentStatus {
    return this.#status;
  }

  /** The site's reason, for 'rejected'. */
  get reason(): string {
    return this.#reason;
  }

  /** The comment to refill the form with after a rejection. */
  get rejected(): OutboxEntry | null {
    return this.#rejected;
  }

  /** Whether this build can post comments at all. */
  get enabled(): boolean {
    return commentsUrl() !== null;
  }

  /** Shows what the outbox holds for this article (a rejection survives a reload). */
  async open(articleId: string): Promise<void> {
    if (articleId !== this.#articleId) {
      this.#articleId = articleId;
      this.#status = 'idle';
      this.#reason = '';
      this.#rejected = null;
      this.#waiting = new Set();
    }
    await this.#reread();
  }

  async submit(articleId: string, post: number | string, fields: CommentFields): Promise<void> {
    const db = await getDb();
    // Stored before any request: a tab closed mid-send never loses the comment.
    const entry: OutboxEntry = {
      id: this.#rejected?.id ?? crypto.randomUUID(),
      articleId,
      createdAt: Date.now(),
      state: 'queued',
      draft: {
        post,
        author_name: fields.name.trim(),
        author_email: fields.email.trim(),
        content: fields.content.trim(),
      },
    };
    await putOutboxEntry(db, entry);
    this.#rejected = null;
    this.#waiting.add(entry.id);
    this.#status = 'sending';
    if ((await this.flush()) === 'queued') void registerOutboxSync();
  }

  /** Sends the queue (app start, `online`, a submission) and reports what became of it. */
  async flush(): Promise<CommentStatus> {
    try {
      await sendOutboxNow();
    } finally {
      await this.#reread();
    }
    return this.#status;
  }

  /** Another page or the worker changed the outbox. */
  refresh(): Promise<void> {
    return this.#reread();
  }

  /** Re-reads the outbox: another page or the worker may have sent or queued comments. */
  async #reread(): Promise<void> {
    const id = this.#articleId;
    if (id === null) return;
    const mine = (await listOutbox(await getDb())).filter((entry) => entry.articleId === id);
    if (this.#articleId !== id) return;
    const rejected = mine.find((entry) => entry.state === 'rejected');
    const queued = mine.filter((entry) => entry.state === 'queued');
    const gone = [...this.#waiting].some((waiting) => !mine.some((entry) => entry.id === waiting));
    this.#waiting = new Set(queued.map((entry) => entry.id));
    if (rejected) {
      this.#status = 'rejected';
      this.#reason = rejected.reason ?? '';
      this.#rejected = rejected;
    } else if (queued.length > 0) {
      this.#status = 'queued';
    } else if (gone) {
      this.#status = 'sent';
    }
  }
}

export const comments = new CommentsState();
