// Types for headers.mjs, so the TypeScript tests call it as it is meant to be called.
export interface PolicyOptions {
  scriptHashes?: string[];
  feedUrl?: string;
  commentsUrl?: string;
  forMeta?: boolean;
}
export function inlineScriptHashes(html: string): string[];
export function originOf(address: string | undefined): string | null;
export function contentSecurityPolicy(options: PolicyOptions): string;
export const CACHE: { immutable: string; revalidate: string; feed: string };
export const REVALIDATED_PATHS: string[];
export function securityHeaders(policy: string): Record<string, string>;
export function netlifyHeaders(policy: string): string;
export function nginxSnippet(policy: string): string;
