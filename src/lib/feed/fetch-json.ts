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

/**
 * Fetches one feed file and parses it as JSON, turning every failure into a FeedError that names
 * the file. The timeout covers the body too: a server that sends headers and then stalls must not
 * hang a sync.
 */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<FetchedJson> {
  const { label } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    let response: Response;
    try {
      response = await options.fetch(url, {
        signal: controller.signal,
        headers: { Accept: 'application/json', ...options.headers },
        cache: 'no-cache',
      });
    } catch {
      throw offline(label, controller.signal.aborted, options.timeoutMs);
    }
    if (!response.ok) {
      throw new FeedError({ kind: 'http', file: label }, `HTTP ${response.status}`);
    }
    const text = await readLimitedText(response, label, controller.signal, options.timeoutMs);
    return { data: parseJsonText(text, label), url: response.url || url };
  } finally {
    clearTimeout(timer);
  }
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
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FeedError({ kind: 'not-json', file: label }, `not valid JSON (${reason})`);
  }
}
