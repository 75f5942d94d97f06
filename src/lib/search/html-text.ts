// Article bodies are HTML; the index needs their words only. Workers have no DOM, and the text
// never reaches the screen as HTML (results show titles and excerpts as text nodes), so a tag
// stripper with entity decoding is enough here.

const DROPPED_ELEMENTS = /<(script|style|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
// Inline tags sit inside words ("<b>Bar</b>celona"); every other tag separates words ("</p><p>").
const INLINE_TAGS =
  /<\/?(a|abbr|b|bdi|bdo|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|u)\b[^>]*>/gi;
const TAGS = /<\/?[a-zA-Z][^>]*>/g;
// Character references as an HTML parser decodes them in text, and as the scripts decode them with
// the `entities` package (tests/fixtures/entity-cases.ts holds both to one table). That package's
// table of every HTML name would weigh 26 KB here, so this knows the names below and leaves other
// names as written; numeric references it decodes all, exactly as HTML does.
const REFERENCE = /&(?:#([xX][0-9a-fA-F]+|[0-9]+);?|([a-zA-Z][a-zA-Z0-9]*;?))/g;

// Names HTML decodes even without their semicolon ("&amp", "&copy2024"): Latin-1's, U+00A0 to
// U+00FF in order, and a few more.
const LEGACY = new Map([
  ['amp', '&'],
  ['AMP', '&'],
  ['lt', '<'],
  ['LT', '<'],
  ['gt', '>'],
  ['GT', '>'],
  ['quot', '"'],
  ['QUOT', '"'],
  ['COPY', '©'],
  ['REG', '®'],
  ...'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
    .split(' ')
    .map((name, i): [string, string] => [name, String.fromCharCode(0xa0 + i)]),
]);

// Names that need their semicolon: the ones publishers write (ZWNJ and the direction marks are
// everyday Persian).
const NAMED = new Map([
  ['apos', "'"],
  ['zwnj', '\u200c'],
  ['zwj', '\u200d'],
  ['lrm', '\u200e'],
  ['rlm', '\u200f'],
  ['ndash', '–'],
  ['mdash', '—'],
  ['hellip', '…'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['euro', '€'],
]);

// &#128; to &#159; as Windows-1252 reads them, HTML's rule; the five it leaves undefined stay.
const C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function decodeReference(reference: string, numeric?: string, name?: string): string {
  if (numeric !== undefined) {
    const hex = numeric[0] === 'x' || numeric[0] === 'X';
    const code = Number.parseInt(hex ? numeric.slice(1) : numeric, hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return code >= 0x80 && code < 0xa0 ? C1.charAt(code - 0x80) : String.fromCodePoint(code);
  }
  if (name === undefined) return reference;
  // With its semicolon, a name this does not know ("&notin;") may be one HTML knows: left as is.
  if (name.endsWith(';')) {
    const bare = name.slice(0, -1);
    return NAMED.get(bare) ?? LEGACY.get(bare) ?? reference;
  }
  // Without, the longest legacy name it starts with, as HTML reads "&copy2024" ("©2024").
  for (let end = Math.min(name.length, 6); end > 1; end--) {
    const legacy = LEGACY.get(name.slice(0, end));
    if (legacy !== undefined) return legacy + name.slice(end);
  }
  return reference;
}

/** `text` with its character references decoded: `&nbsp;` is U+00A0, `&#0;` U+FFFD. */
export function decodeEntities(text: string): string {
  return text.replace(REFERENCE, decodeReference);
}

// A soft hyphen marks where a word may break: it joins, rather than separates, what it sits in.
const SOFT_HYPHEN = /\u00ad/g;

/**
 * The readable text of an HTML fragment, for matching: soft hyphens dropped. Whitespace is left as
 * it is, no-break spaces included (the tokeniser splits on them; collapsing cost more than the
 * rest put together): `collapseSpace` what is shown.
 */
export function htmlToText(html: string): string {
  return html
    .replace(DROPPED_ELEMENTS, ' ')
    .replace(COMMENTS, ' ')
    .replace(INLINE_TAGS, '')
    .replace(TAGS, ' ')
    .replace(REFERENCE, decodeReference)
    .replace(SOFT_HYPHEN, '');
}

export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
