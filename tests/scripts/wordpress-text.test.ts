import { describe, expect, it } from 'vitest';
import { decodeEntities, firstWords, plainText } from '../../scripts/lib/wordpress-text.mjs';
import { ENTITY_CASES } from '../fixtures/entity-cases';

describe('the importer’s entity decoder (entities)', () => {
  it.each(ENTITY_CASES)('decodes $name as the search worker does', ({ html, text }) => {
    expect(decodeEntities(html)).toBe(text);
  });
});

describe('plainText', () => {
  it('keeps a no-break space, which readers see, and collapses what HTML collapses', () => {
    expect(plainText('<p>La retirada de EE.&nbsp;UU.</p>\n\t<p>de  Irak&nbsp;</p>')).toBe(
      'La retirada de EE.\u00a0UU. de Irak',
    );
  });

  it('leaves escaped markup as text', () => {
    expect(plainText('<p>Write &lt;b&gt; for <b>bold</b></p>')).toBe('Write <b> for bold');
  });

  it('keeps words joined by a no-break space together when it cuts', () => {
    expect(firstWords('tropas de EE.\u00a0UU. en Irak', 3)).toBe('tropas de EE.\u00a0UU.…');
  });
});
