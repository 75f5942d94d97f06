/** The spec lets a client refuse files over 10 MB or nested deeper than 64 levels. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_DEPTH = 64;

/**
 * Deepest nesting of objects and arrays in a JSON text, stopping early past `limit`. Checked
 * before `JSON.parse` so that a hostile file cannot blow the parser's stack.
 */
export function exceedsDepth(text: string, limit = MAX_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return false;
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text);
}
