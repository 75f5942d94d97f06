// What a result shows under its title, kept short.

const EXCERPT_CHARS = 220;

/** Short enough that 20,000 kept excerpts stay a few MB. */
export function shortExcerpt(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.lastIndexOf(' ', EXCERPT_CHARS);
  return `${text.slice(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS)}…`;
}
