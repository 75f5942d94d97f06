import { decodeHTML, encodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { collapseSpace, decodeEntities, htmlToText } from '../../../src/lib/search/html-text';
import { terms } from '../../../src/lib/search/normalise';
import { ENTITY_CASES } from '../../fixtures/entity-cases';

const text = (html: string) => collapseSpace(htmlToText(html));

describe('htmlToText', () => {
  it('keeps words apart across blocks and together across inline tags', () => {
    expect(text('<p>First.</p><p>Second <b>Bar</b>celona</p>')).toBe('First. Second Barcelona');
  });

  it('drops scripts, styles and comments entirely', () => {
    expect(text('<p>a</p><script>alert("x")</script><style>p{}</style><!-- note --><p>b</p>')).toBe(
      'a b',
    );
  });

  it('decodes named and numeric entities', () => {
    expect(text('Fish &amp; chips &#233;t&#xE9; &nbsp;x&zwnj;y &unknown;')).toBe(
      'Fish & chips été x\u200cy &unknown;',
    );
  });

  it('decodes escaped markup as text after taking the tags out', () => {
    expect(text('<p>Write &lt;b&gt;bold&lt;/b&gt;</p>')).toBe('Write <b>bold</b>');
  });

  it('separates words at a no-break space and joins them across a soft hyphen', () => {
    expect(terms(htmlToText('<p>EE.&nbsp;UU. infor&shy;mation in\u00adformed</p>'))).toEqual([
      'ee',
      'uu',
      'information',
      'informed',
    ]);
    expect(text('EE.&nbsp;UU.')).toBe('EE. UU.');
  });
});

describe('the search worker’s entity decoder', () => {
  it.each(ENTITY_CASES)('decodes $name as the importer does', ({ html, text: decoded }) => {
    expect(decodeEntities(html)).toBe(decoded);
  });

  // What the small decoder may do beyond the table: decode as `entities` does, or leave a
  // reference it does not know as written. It never decodes one differently.
  const agrees = (reference: string) => {
    const decoded = decodeEntities(reference);
    return decoded === decodeHTML(reference) || decoded === reference;
  };

  it('decodes every numeric reference as entities does', () => {
    const codes = [0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10ffff, 0x110000, 2 ** 32];
    for (let code = 0; code < 0x3000; code++) codes.push(code);
    for (let code = 0x3000; code < 0x110000; code += 0x3f1) codes.push(code);
    const wrong = codes.flatMap((code) =>
      [`&#${code};`, `&#x${code.toString(16)};`, `&#X${code.toString(16).toUpperCase()}x`].filter(
        (reference) => decodeEntities(reference) !== decodeHTML(reference),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('decodes every legacy name, with its semicolon or without, as entities does', () => {
    // The 106 names HTML decodes without a semicolon, from the spec's table of named references.
    const legacy =
      `AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave
      Euml GT Iacute Icirc Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN
      Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig agrave amp aring atilde auml brvbar
      ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14 frac34 gt
      iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde oacute ocirc
      ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3
      szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml`.split(/\s+/);
    expect(legacy).toHaveLength(106);
    const wrong = legacy.flatMap((name) =>
      [`&${name};`, `&${name}`, `&${name}x`, `&${name}2 `].filter(
        (reference) =>
          decodeEntities(reference) !== decodeHTML(reference) ||
          decodeEntities(reference) === reference,
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('never decodes a name differently from entities', () => {
    const names = new Set(['AMP', 'LT', 'GT', 'QUOT', 'COPY', 'REG', 'hellip', 'notin', 'ampx']);
    for (let code = 0; code < 0x20000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const name = /^&([a-zA-Z][a-zA-Z0-9]*);$/.exec(encodeHTML(String.fromCodePoint(code)))?.[1];
      if (name !== undefined) names.add(name);
    }
    const wrong = [...names].flatMap((name) =>
      [`&${name};`, `&${name}`, `&${name}x;`, `&${name}2;`, `&${name} `].filter(
        (reference) => !agrees(reference),
      ),
    );
    expect(wrong).toEqual([]);
  });
});
