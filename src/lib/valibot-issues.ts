import type * as v from 'valibot';

/** `articles[2].translations.es.title` style path of a valibot issue, under an optional prefix. */
export function issuePath(issue: v.BaseIssue<unknown>, prefix = ''): string {
  let path = prefix;
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  return path;
}

/** A readable reason: valibot's own message for a missing key is about types, not absence. */
export function issueDetail(issue: v.BaseIssue<unknown>): string {
  if (issue.input === undefined && issue.kind === 'schema') return 'is required';
  return issue.message.replace(/^Invalid type: Expected /, 'expected ');
}
