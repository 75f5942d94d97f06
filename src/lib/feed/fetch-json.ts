import { FeedError } from './problems';
import { MAX_FILE_BYTES, exceedsDepth, looksLikeHtml } from './json-guard';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchJsonOptions {
  fetch: FetchLike;
  /** How the file is named in messages. */
  label: string;
  timeoutMs: number;
  headers?: Record<string, string>;
}

export interface FetchedJson {
  data: unknown;
  /** Where the file was finally fetched from (after redirects): the base for its own links. */
  url: string;
}

/** What a server said identifies a file's version, for a conditional request next time. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type ConditionalJson =
  { status: 'unchanged' } | (FetchedJson & { status: 'changed'; validators: Validators });

/**
 * Fetches one feed file and parses it as JSON, turning every failure into a FeedError that names
 * the file. The timeout covers the body too: a server that sends headers and then stalls must not
 * hang a sync.
 */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<FetchedJson> {
  const result = await fetchJsonIfChanged(url, options, {});
  // Without validators a server has nothing to compare, so a 304 here is a broken server.
  if (result.status === 'unchanged') {
    throw new FeedError({ kind: 'http', file: options.label }, 'HTTP 304');
  }
  return { data: result.data, url: result.url };
}

/**
 * Like fetchJson, but asks the server whether the file changed since the version `known`
 * identifies (If-None-Match / If-Modified-Since). A 304 costs one small request and no parsing.
 */
export async function fetchJsonIfChanged(
  url: string,
  options: FetchJsonOptions,
  known: Validators,
): Promise<ConditionalJson> {
  const { label } = options;
  const conditional: Record<string, string> = {};
  if (known.etag) conditional['If-None-Match'] = known.etag;
  if (known.lastModified) conditional['If-Modified-Since'] = known.lastModified;
  const asks = Object.keys(conditional).length > 0;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    let response: Response;
    try {
      response = await options.fetch(url, {
        signal: controller.signal,
        headers: { Accept: 'application/json', ...options.headers, ...conditional },
        // Our own validators must reach the server and its 304 must reach us, so the HTTP cache
        // stays out of a conditional request; without validators it revalidates as before.
        cache: asks ? 'no-store' : 'no-cache',
      });
    } catch {
      throw offline(label, controller.signal.aborted, options.timeoutMs);
    }
    if (asks && response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'unchanged' };
    }
    if (!response.ok) {
      throw new FeedError({ kind: 'http', file: label }, `HTTP ${response.status}`);
    }
    const validators: Validators = {};
    const etag = response.headers.get('ETag');
    const lastModified = response.headers.get('Last-Modified');
    if (etag) validators.etag = etag;
    if (lastModified) validators.lastModified = lastModified;
    const text = await readLimitedText(response, label, controller.signal, options.timeoutMs);
    // Reading a large file, checking it and parsing it are each tens of milliseconds on a phone:
    // separate tasks, so the page stays responsive when it syncs.
    let data: unknown;
    if (text.length > LARGE_TEXT) {
      await nextTask();
      checkJsonText(text, label);
      await nextTask();
      data = parseCheckedJson(text, label);
    } else {
      data = parseJsonText(text, label);
    }
    return {
      status: 'changed',
      data,
      url: response.url || url,
      validators,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Characters past which a file is parsed in a task of its own. */
const LARGE_TEXT = 256 * 1024;

/** Lets the event loop turn (input, paint) before more synchronous work. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function offline(label: string, timedOut: boolean, timeoutMs: number): FeedError {
  const detail = timedOut
    ? `no answer within ${Math.round(timeoutMs / 1000)} s`
    : 'could not be reached (offline?)';
  return new FeedError({ kind: 'offline', file: label }, detail);
}

function tooLarge(label: string): FeedError {
  return new FeedError(
    { kind: 'too-large', file: label },
    `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, refused`,
  );
}

async function readLimitedText(
  response: Response,
  label: string,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<string> {
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  if (declared > MAX_FILE_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(label);
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_FILE_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(label);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw offline(label, signal.aborted, timeoutMs);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export function parseJsonText(text: string, label: string): unknown {
  checkJsonText(text, label);
  return parseCheckedJson(text, label);
}

/** Refuses what is not worth parsing: empty, an HTML page, nested too deep. */
function checkJsonText(text: string, label: string): void {
  if (text.trim() === '') {
    throw new FeedError({ kind: 'not-json', file: label }, 'the file is empty');
  }
  if (looksLikeHtml(text)) {
    throw new FeedError(
      { kind: 'not-json', file: label },
      'received an HTML page instead of JSON (is the feed address right?)',
    );
  }
  if (exceedsDepth(text)) {
    throw new FeedError({ kind: 'too-deep', file: label }, 'nested deeper than 64 levels, refused');
  }
}

function parseCheckedJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FeedError({ kind: 'not-json', file: label }, `not valid JSON (${reason})`);
  }
}
