import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { CREATED, commentsEndpoint, startCommentsStub, type CommentsStub } from './comments-stub';
import { openSynced, REPO_ROOT, useSession, type Session } from './harness';
import { fireWorkerEvent } from './worker-events';

// The endpoint is baked into the build, so this file builds its own copy of the app with it.
const PORT = 4179;
const ENDPOINT = commentsEndpoint(PORT);
const ARTICLE = 'reasons-for-ineffectiveness-of-riyadh-summit';
const EN_POST_ID = 61588;

const dist = path.join(os.tmpdir(), `folio-comments-e2e-${process.pid}`);

let wordpress: CommentsStub | undefined;

beforeAll(async () => {
  await promisify(execFile)('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], {
    cwd: REPO_ROOT,
    // Vitest sets NODE_ENV=test, which would make a development build with no service worker.
    env: { ...process.env, NODE_ENV: 'production', VITE_COMMENTS_URL: ENDPOINT },
  });
  wordpress = await startCommentsStub(PORT);
}, 120_000);

afterAll(async () => {
  await wordpress?.close();
  await rm(dist, { recursive: true, force: true });
});

afterEach(() => {
  if (!wordpress) return;
  wordpress.received.length = 0;
  wordpress.reply = CREATED;
});

/** The comments the stand-in WordPress received. */
const received = (): unknown[] => wordpress?.received ?? [];

const session = useSession({ root: dist });

async function openArticle(current: Session) {
  await openSynced(current);
  await current.page.goto(`${current.server.base}/article/${ARTICLE}`);
  const form = current.page.getByRole('form', { name: 'Leave a comment' });
  await form.waitFor();
  return form;
}

describe('comments', () => {
  it('validates every field and ties each message to it', async () => {
    const current = session();
    const form = await openArticle(current);
    await form.getByRole('textbox', { name: 'Email' }).fill('nobody');
    await form.getByRole('button', { name: 'Post comment' }).click();

    const name = form.getByRole('textbox', { name: 'Name' });
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByText('Enter your name.').waitFor();
    await form.getByText('Enter an email address such as name@example.org.').waitFor();
    await form.getByText('Write your comment.').waitFor();
    expect(received()).toEqual([]);
    await expectNoAxeViolations(current.page);
  });

  it('queues a comment written offline and sends it when back online', async () => {
    const current = session();
    const { page, context } = current;
    const form = await openArticle(current);
    await context.setOffline(true);
    await form.getByRole('textbox', { name: 'Comment' }).fill('Written on a train');
    await form.getByRole('textbox', { name: 'Name' }).fill('Ana');
    await form.getByRole('textbox', { name: 'Email' }).fill('ana@example.org');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await page.getByText('Queued — it will be sent when you are online.').waitFor();
    expect(received()).toEqual([]);

    await context.setOffline(false);
    await page.getByText(/Your comment was sent/).waitFor();
    expect(received()).toEqual([
      {
        post: EN_POST_ID,
        author_name: 'Ana',
        author_email: 'ana@example.org',
        content: 'Written on a train',
      },
    ]);
  });

  it('sends a queued comment from the service worker on a Background Sync event', async () => {
    const current = session();
    const { page, context, server } = current;
    const form = await openArticle(current);
    await context.setOffline(true);
    await form.getByRole('textbox', { name: 'Comment' }).fill('Sent with the app closed');
    await form.getByRole('textbox', { name: 'Name' }).fill('Ana');
    await form.getByRole('textbox', { name: 'Email' }).fill('ana@example.org');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await page.getByText('Queued — it will be sent when you are online.').waitFor();

    // The reader closes Folio; the connection returns; the browser wakes the worker.
    await page.goto('about:blank');
    await context.setOffline(false);
    expect(received()).toEqual([]);
    await fireWorkerEvent(page, server.base, 'sync', 'folio-outbox');
    await expect
      .poll(() => received(), { timeout: 15_000 })
      .toEqual([
        {
          post: EN_POST_ID,
          author_name: 'Ana',
          author_email: 'ana@example.org',
          content: 'Sent with the app closed',
        },
      ]);
  });

  it("shows the site's reason for a rejection and keeps the comment", async () => {
    const current = session();
    const { page } = current;
    if (!wordpress) throw new Error('the stand-in WordPress did not start');
    wordpress.reply = {
      status: 409,
      body: { code: 'comment_duplicate', message: 'Duplicate comment detected.' },
    };
    const form = await openArticle(current);
    await form.getByRole('textbox', { name: 'Comment' }).fill('Said twice');
    await form.getByRole('textbox', { name: 'Name' }).fill('Ana');
    await form.getByRole('textbox', { name: 'Email' }).fill('ana@example.org');
    await form.getByRole('button', { name: 'Post comment' }).click();

    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Duplicate' }).textContent())
      .toBe('The site did not accept your comment: Duplicate comment detected.');
    expect(await form.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('Said twice');

    // Still there after a reload: a rejected comment is kept for editing.
    await page.reload();
    await form.waitFor();
    await expect
      .poll(() => form.getByRole('textbox', { name: 'Comment' }).inputValue())
      .toBe('Said twice');
    expect(received()).toHaveLength(1);
  });
});
