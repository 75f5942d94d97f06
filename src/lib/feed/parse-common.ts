import * as v from 'valibot';
import { FeedError } from './problems';
import { issueDetail, issuePath } from '../valibot-issues';
import { FEED_VERSION } from './schema';

export function checkVersion(data: unknown, label: string): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const found = Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data;
    throw new FeedError({ kind: 'invalid', file: label }, `expected a JSON object, found ${found}`);
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > FEED_VERSION) {
    throw new FeedError(
      { kind: 'version', file: label, field: 'version' },
      `feed version ${version} is newer than this app reads (${FEED_VERSION}); update Folio`,
    );
  }
}

export function firstIssue<T extends v.GenericSchema>(
  schema: T,
  data: unknown,
): { output: v.InferOutput<T> } | { issue: v.BaseIssue<unknown> } {
  const result = v.safeParse(schema, data);
  if (result.success) return { output: result.output };
  return { issue: result.issues[0] };
}

export function invalid(label: string, issue: v.BaseIssue<unknown>, prefix = ''): FeedError {
  const field = issuePath(issue, prefix) || undefined;
  return new FeedError({ kind: 'invalid', file: label, field }, issueDetail(issue));
}
