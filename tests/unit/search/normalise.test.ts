import { describe, expect, it } from 'vitest';
import { fold, terms } from '../../../src/lib/search/normalise';

describe('fold', () => {
  it('lower-cases and strips accents', () => {
    expect(fold('Política')).toBe('politica');
    expect(fold('São Paulo')).toBe('sao paulo');
    expect(fold('ÉLYSÉE Ñandú Ü')).toBe('elysee nandu u');
  });

  it('folds accents written as combining marks (NFD input) the same as precomposed ones', () => {
    expect(fold('Poli\u0301tica')).toBe(fold('Política'));
  });

  it('maps Arabic yeh and kaf to the Persian letters', () => {
    expect(fold('كريدور')).toBe('کریدور');
    expect(fold('ديپلماسي')).toBe('دیپلماسی');
    expect(fold('مصطفى')).toBe('مصطفی');
  });

  it('folds teh marbuta, hamza and madda forms of alef, and other hamza carriers', () => {
    expect(fold('مدرسة')).toBe('مدرسه');
    expect(fold('أحمد إيران آب')).toBe('احمد ایران اب');
    expect(fold('مسئول')).toBe('مسیول');
    expect(fold('مؤسسه')).toBe('موسسه');
  });

  it('removes tatweel and Arabic diacritics (harakat)', () => {
    expect(fold('كتـــاب')).toBe('کتاب');
    expect(fold('مُحَمَّد')).toBe('محمد');
    expect(fold('خارجهٔ')).toBe('خارجه');
  });

  it('turns Persian and Arabic-Indic digits into ASCII digits', () => {
    expect(fold('سال ۱۳۵۱')).toBe('سال 1351');
    expect(fold('٢٠٢٤')).toBe('2024');
  });
});

describe('terms', () => {
  it('splits on anything that is not a letter or a digit', () => {
    expect(terms('La política, hoy: 2026!')).toEqual(['la', 'politica', 'hoy', '2026']);
  });

  it('yields a ZWNJ-joined word whole and in parts', () => {
    expect(terms('می\u200cگیرد')).toEqual(['میگیرد', 'می', 'گیرد']);
  });

  it('gives a query typed without the ZWNJ a term the document has', () => {
    const documentTerms = new Set(terms('شتاب می\u200cگیرد'));
    for (const typed of [terms('میگیرد'), terms('می گیرد')]) {
      for (const term of typed) expect(documentTerms).toContain(term);
    }
  });

  it('folds documents and queries alike, whatever the keyboard', () => {
    expect(terms('كريدور شمال')).toEqual(terms('کریدور شمال'));
    expect(terms('POLITICA')).toEqual(terms('política'));
  });

  it('yields nothing for text without words', () => {
    expect(terms(' — … ')).toEqual([]);
    expect(terms('\u0640\u0640')).toEqual([]);
  });
});
