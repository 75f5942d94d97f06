import { beforeEach, describe, expect, it } from 'vitest';
import { POSITION_LIMIT, savePosition, savedPosition } from '../../../src/lib/ui/reading-position';

beforeEach(() => localStorage.clear());

describe('reading positions', () => {
  it('remembers a position per article, clamped to the page', () => {
    savePosition('a', 0.25);
    savePosition('b', 7);
    savePosition('c', -1);
    expect(savedPosition('a')).toBe(0.25);
    expect(savedPosition('b')).toBe(1);
    expect(savedPosition('c')).toBe(0);
    expect(savedPosition('never-opened')).toBeUndefined();
  });

  it(`keeps only the ${POSITION_LIMIT} most recently read articles`, () => {
    for (let i = 0; i <= POSITION_LIMIT; i++) savePosition(`a${i}`, 0.5);
    expect(savedPosition('a0')).toBeUndefined();
    expect(savedPosition('a1')).toBe(0.5);
    expect(savedPosition(`a${POSITION_LIMIT}`)).toBe(0.5);

    // Reading an old article again makes it recent: the next one pushes out a1, not it.
    savePosition('a1', 0.75);
    savePosition('new', 0.1);
    expect(savedPosition('a1')).toBe(0.75);
    expect(savedPosition('a2')).toBeUndefined();
    expect(JSON.parse(localStorage.getItem('folio:positions') ?? '[]')).toHaveLength(
      POSITION_LIMIT,
    );
  });

  it('ignores broken or tampered storage', () => {
    localStorage.setItem('folio:positions', '{broken');
    expect(savedPosition('a')).toBeUndefined();
    localStorage.setItem('folio:positions', JSON.stringify({ a: 0.5 }));
    expect(savedPosition('a')).toBeUndefined();
    localStorage.setItem(
      'folio:positions',
      JSON.stringify([
        ['a', 'half'],
        ['b', 2],
        [3, 0.5],
        ['c', 0.5, 'x'],
        ['d', 0.5],
      ]),
    );
    expect(savedPosition('a')).toBeUndefined();
    expect(savedPosition('b')).toBeUndefined();
    expect(savedPosition('c')).toBeUndefined();
    expect(savedPosition('d')).toBe(0.5);
    savePosition('e', 0.2);
    expect(savedPosition('d')).toBe(0.5);
    expect(savedPosition('e')).toBe(0.2);
  });
});
