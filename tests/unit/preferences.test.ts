import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, parsePrefs } from '../../src/lib/state/preferences.svelte';

describe('parsePrefs', () => {
  it('reads valid preferences', () => {
    expect(parsePrefs('{"theme":"dark","textSize":"small"}')).toEqual({
      theme: 'dark',
      textSize: 'small',
    });
  });

  it('falls back to the defaults for nothing stored, broken JSON or a non-object', () => {
    for (const text of [null, '{not json', 'null', '42', '"dark"', '[]']) {
      expect(parsePrefs(text)).toEqual(DEFAULT_PREFS);
    }
  });

  it('keeps each valid field and defaults each unknown one', () => {
    expect(parsePrefs('{"theme":"sepia","textSize":"large"}')).toEqual({
      theme: 'system',
      textSize: 'large',
    });
    expect(parsePrefs('{"theme":"light","textSize":3}')).toEqual({
      theme: 'light',
      textSize: 'medium',
    });
  });
});
