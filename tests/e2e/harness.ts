// Shared set-up for the end-to-end suite: the built app (dist/) served by scripts/serve.mjs with a
// temporary copy of its feed, driven by the system's headless Chromium through playwright-core.
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createServer } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// FOLIO_DIST lets several builds be tested side by side (e.g. `vite build --outDir /tmp/x`).
export const DIST_DIR = path.resolve(REPO_ROOT, process.env.FOLIO_DIST ?? 'dist');
const DIST_CONTENT = path.join(DIST_DIR, 'content');

/** Generous for one condition, well inside the 60 s test timeout. */
export const WAIT_MS = 15_000;

export type SyncStatus = 'idle' | 'syncing' | 'fresh' | 'offline' | 'error';

// ---------------------------------------------------------------------------------------------
// The sample feed, as the build copied it (dist/content/ comes from public/content/)

export interface SampleArticle {
  id: string;
  /** The title in the feed's default language, which is what a fresh reader sees. */
  title: string;
}

interface FeedIndexFile {
  defaultLanguage: string;
  articles: { id: string; translations: Record<string, { title: string }> }[];
}

interface ArticleFile {
  translations: Record<string, { title: string; body: string }>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Every article of the built sample feed, newest first, titled in the default language. */
export function sampleArticles(): SampleArticle[] {
  const index = readJson<FeedIndexFile>(path.join(DIST_CONTENT, 'index.json'));
  return index.articles.map((article) => {
    const title = article.translations[index.defaultLanguage]?.title;
    if (title === undefined) throw new Error(`${article.id} has no default-language title`);
    return { id: article.id, title };
  });
}

export function sampleArticle(id: string): SampleArticle {
  const found = sampleArticles().find((article) => article.id === id);
  if (!found) throw new Error(`the sample feed has no article "${id}"`);
  return found;
}

/** The raw (unsanitised) HTML body of an article of the built sample feed. */
export function sampleBody(id: string, lang = 'en'): string {
  const file = readJson<ArticleFile>(path.join(DIST_CONTENT, 'articles', `${id}.json`));
  const body = file.translations[lang]?.body;
  if (body === undefined) throw new Error(`${id} has no "${lang}" body`);
  return body;
}

/** Fails early, with the command to run, when the suite is started without a build. */
export function assertBuilt(): void {
  const missing = ['index.html', 'sw.js', 'content/index.json'].filter(
    (file) => !existsSync(path.join(DIST_DIR, file)),
  );
  if (missing.length > 0) {
    throw new Error(
      `dist/ is not built (missing ${missing.join(', ')}): run "npx vite build" before the e2e suite`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Server

export interface FeedServer {
  /** e.g. http://127.0.0.1:43121, no trailing slash. */
  base: string;
  /** The temporary folder served at /content/; tests may rewrite files in it. */
  contentDir: string;
  /** Every request path that reached the server, in arrival order. */
  hits: string[];
  /** Replaces a feed file (path relative to /content/) on disk; the server reads it fresh. */
  writeContent(relativePath: string, text: string): Promise<void>;
  /** Takes an article out of the served feed, listing it as removed, as a publisher would. */
  withdraw(id: string): Promise<void>;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** The feed folder to copy and serve at /content/; the sample feed by default. */
  contentFrom?: string;
  /** The built app to serve, when a test builds its own (another env); DIST_DIR by default. */
  root?: string;
}

export async function startServer(options: ServerOptions = {}): Promise<FeedServer> {
  const contentDir = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-content-'));
  const root = options.root ?? DIST_DIR;
  await cp(options.contentFrom ?? path.join(root, 'content'), contentDir, { recursive: true });
  let server: Server;
  try {
    server = await createServer({ root, contentDir, port: 0, host: '127.0.0.1' });
  } catch (error) {
    await rm(contentDir, { recursive: true, force: true });
    throw error;
  }
  const hits: string[] = [];
  server.on('request', (req: IncomingMessage) => hits.push(req.url ?? ''));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    base: `http://127.0.0.1:${address.port}`,
    contentDir,
    hits,
    async writeContent(relativePath, text) {
      await writeFile(path.join(contentDir, relativePath), text);
    },
    async withdraw(id) {
      const file = path.join(contentDir, 'index.json');
      const index = JSON.parse(await readFile(file, 'utf8')) as { articles: { id: string }[] };
      const next = {
        ...index,
        updated: new Date().toISOString(),
        articles: index.articles.filter((article) => article.id !== id),
        removed: [id],
      };
      await writeFile(file, JSON.stringify(next));
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rm(contentDir, { recursive: true, force: true });
    },
  };
}

/** Request paths under /content/ among the hits from index `from` on. */
export function contentHits(server: FeedServer, from: number): string[] {
  return server.hits.slice(from).filter((url) => url.startsWith('/content/'));
}

// ---------------------------------------------------------------------------------------------
// Browser

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Session {
  server: FeedServer;
  context: BrowserContext;
  page: Page;
  /** Console errors (page and service worker) and uncaught exceptions, as readable lines. */
  errors: string[];
}

function describeConsole(source: string, message: ConsoleMessage): string {
  const where = message.location();
  const at = where.url ? ` (${where.url}:${where.lineNumber})` : '';
  return `${source} console.${message.type()}: ${message.text()}${at}`;
}

async function openSession(browser: Browser, options: ServerOptions): Promise<Session> {
  const server = await startServer(options);
  // A fresh context is a fresh profile: no worker, no IndexedDB, no HTTP cache.
  const context = await browser.newContext();
  const errors: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(describeConsole('page', message));
  });
  context.on('weberror', (webError) => errors.push(`uncaught: ${String(webError.error())}`));
  context.on('serviceworker', (worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error') errors.push(describeConsole('worker', message));
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  return { server, context, page, errors };
}

/**
 * Registers the suite's hooks: one browser per file, and per test a fresh server (with its own
 * copy of the feed), browser context and page. Call at the top level of a test file.
 */
export function useSession(options: ServerOptions = {}): () => Session {
  let browser: Browser | undefined;
  let session: Session | undefined;

  beforeAll(async () => {
    assertBuilt();
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('the browser did not start');
    session = await openSession(browser, options);
  });
  afterEach(async () => {
    const ending = session;
    session = undefined;
    if (!ending) return;
    await ending.context.close().catch(() => undefined);
    await ending.server.close();
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });

  return () => {
    if (!session) throw new Error('no session: call this inside a test');
    return session;
  };
}

// ---------------------------------------------------------------------------------------------
// Waiting on the app

// The app's status line.
const statusLine = (page: Page): Locator => page.locator('#app > div.status[data-status]');

/** What the status line says right now, for failure messages. */
export async function describeStatus(page: Page): Promise<string> {
  const line = statusLine(page);
  if ((await line.count()) === 0) return 'no status line';
  const status = await line.getAttribute('data-status');
  const text = (await line.locator('[role="status"]').textContent()) ?? '';
  return `data-status="${status}", text "${text.replace(/\s+/g, ' ').trim()}"`;
}

async function withState<T>(page: Page, what: string, wait: Promise<T>): Promise<T> {
  try {
    return await wait;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`${what}: ${reason}; status line: ${await describeStatus(page)}`, {
      cause: error,
    });
  }
}

export async function waitForStatus(
  page: Page,
  status: SyncStatus,
  timeout = WAIT_MS,
): Promise<void> {
  await withState(
    page,
    `waiting for data-status="${status}"`,
    page
      .locator(`#app > div.status[data-status="${status}"]`)
      .waitFor({ state: 'visible', timeout }),
  );
}

/** The text of the status line's live region, whitespace collapsed. */
export async function statusText(page: Page): Promise<string> {
  const text = await statusLine(page).locator('[role="status"]').textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until a service worker controls the page (the worker claims clients on activate). */
export async function waitForController(page: Page, timeout = WAIT_MS): Promise<void> {
  await withState(
    page,
    'waiting for a service worker to control the page',
    page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout,
      polling: 50,
    }),
  );
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls an asynchronous check from Node until it holds `times` polls in a row. (Playwright's
 * waitForFunction takes an async predicate's Promise for a truthy answer, so it cannot be used
 * for checks that need `await` in the page.) A check that throws, e.g. because a navigation
 * destroyed the page's context, counts as not holding yet.
 */
async function pollUntil(
  page: Page,
  what: string,
  check: () => Promise<boolean>,
  { timeout = WAIT_MS, times = 1 }: { timeout?: number; times?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  let streak = 0;
  for (;;) {
    const holds = await check().catch(() => false);
    streak = holds ? streak + 1 : 0;
    if (streak >= times) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${timeout} ms; status line: ${await describeStatus(page)}`,
      );
    }
    await delay(50);
  }
}

/**
 * Waits for the syncs to be complete and quiet: a worker controls the page, the status is
 * "fresh", and no sync (the page's or the worker's, which share a Web Lock) is running or queued,
 * twice in a row, so that the sync the worker starts right after it claims the page is seen too.
 */
export async function waitForSettled(page: Page, timeout = WAIT_MS): Promise<void> {
  await waitForController(page, timeout);
  await pollUntil(
    page,
    'waiting for the sync to settle',
    () =>
      page.evaluate(async () => {
        const status = document.querySelector('#app > div.status')?.getAttribute('data-status');
        if (status !== 'fresh' || navigator.serviceWorker.controller === null) return false;
        const locks = await navigator.locks.query();
        const busy = [...(locks.held ?? []), ...(locks.pending ?? [])];
        return !busy.some((lock) => lock.name === 'folio-sync');
      }),
    { timeout, times: 2 },
  );
}

/** Waits until no sync runs or waits for the lock, and the status line is not "syncing". */
export async function waitForQuiet(page: Page, timeout = WAIT_MS): Promise<SyncStatus> {
  let status: SyncStatus = 'idle';
  await pollUntil(
    page,
    'waiting for the syncs to stop',
    async () => {
      const seen = await page.evaluate(async () => {
        const locks = await navigator.locks.query();
        const busy = [...(locks.held ?? []), ...(locks.pending ?? [])];
        if (busy.some((lock) => lock.name === 'folio-sync')) return null;
        return document.querySelector('#app > div.status')?.getAttribute('data-status') ?? null;
      });
      if (seen === null || seen === 'syncing') return false;
      status = seen as SyncStatus;
      return true;
    },
    { timeout, times: 2 },
  );
  return status;
}

/** Opens the home page of a fresh profile and waits for the first sync to settle. */
export async function openSynced(session: Session): Promise<void> {
  await session.page.goto(`${session.server.base}/`);
  await waitForSettled(session.page);
}

// ---------------------------------------------------------------------------------------------
// Assertions on what the reader sees

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function articleLink(page: Page, title: string): Locator {
  return page.getByRole('main').getByRole('link', { name: title, exact: true });
}

/** Every sample article is listed on the page as a visible link named by its title. */
export async function expectAllListed(page: Page): Promise<void> {
  const articles = sampleArticles();
  await page
    .getByRole('heading', { level: 1, name: 'Latest articles' })
    .waitFor({ state: 'visible' });
  for (const { title } of articles) {
    await articleLink(page, title).waitFor({ state: 'visible' });
  }
  expect(await page.getByRole('main').getByRole('article').count()).toBe(articles.length);
}

/**
 * The article page shows the article: its title as the h1 and its complete body text (the raw
 * body's text, compared after whitespace is collapsed, so nothing was lost or cut).
 */
export async function expectArticleShown(page: Page, id: string): Promise<void> {
  const { title } = sampleArticle(id);
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  const body = page.locator('div.body');
  await withState(page, `waiting for the body of ${id}`, body.waitFor({ state: 'visible' }));
  const expected = await page.evaluate(
    (html) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '',
    sampleBody(id),
  );
  expect(collapse(expected).length).toBeGreaterThan(0);
  expect(collapse((await body.textContent()) ?? '')).toBe(collapse(expected));
  expect(new URL(page.url()).pathname).toBe(`/article/${id}`);
}

// ---------------------------------------------------------------------------------------------
// Reading comfort

/** Opens Settings and picks a theme by its radio button's label (e.g. "Dark"). */
export async function chooseTheme(page: Page, base: string, label: string): Promise<void> {
  await page.goto(`${base}/settings`);
  await page.getByRole('radio', { name: label, exact: true }).check();
}

// ---------------------------------------------------------------------------------------------
// A copy of the built app, for tests that deploy a new version under an open page

export interface AppCopyServer extends FeedServer {
  /** The temporary copy of the built app served at /; tests may rewrite files in it. */
  appDir: string;
}

/** Serves a temporary copy of the whole built app (its feed at /content/ included). */
export async function startAppCopyServer(): Promise<AppCopyServer> {
  const appDir = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-app-'));
  await cp(DIST_DIR, appDir, { recursive: true });
  try {
    const server = await startServer({ root: appDir });
    return {
      ...server,
      appDir,
      async close() {
        await server.close();
        await rm(appDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(appDir, { recursive: true, force: true });
    throw error;
  }
}
