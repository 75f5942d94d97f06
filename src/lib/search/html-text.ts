// Article bodies are HTML; the index needs their words only. Workers have no DOM, and the text
// never reaches the screen as HTML (results show titles and excerpts as text nodes), so a tag
// stripper with entity decoding is enough here.

const DROPPED_ELEMENTS = /<(script|style|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
// Inline tags sit inside words ("<b>Bar</b>celona"); every other tag separates words ("</p><p>").
const INLINE_TAGS =
  /<\/?(a|abbr|b|bdi|bdo|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|u)\b[^>]*>/gi;
const TAGS = /<\/?[a-zA-Z][^>]*>/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  zwnj: '\u200c',
  zwj: '\u200d',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X';
    const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) return entity;
    return String.fromCodePoint(code);
  }
  return NAMED[name.toLowerCase()] ?? entity;
}

/**
 * The readable text of an HTML fragment. Whitespace is left as it is (the tokeniser splits on it;
 * collapsing it cost more than the rest put together): `collapseSpace` what is shown.
 */
export function htmlToText(html: string): string {
  return html
    .replace(DROPPED_ELEMENTS, ' ')
    .replace(COMMENTS, ' ')
    .replace(INLINE_TAGS, '')
    .replace(TAGS, ' ')
    .replace(ENTITY, decodeEntity);
}

export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
