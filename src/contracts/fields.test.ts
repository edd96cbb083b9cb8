import { describe, expect, it } from 'vitest';
import { longText, password, text } from './fields.ts';
import { searchParam } from './pagination.ts';

describe('text fields', () => {
  it.each([
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate', '\uDC00'],
    ['a reversed pair', '\uDC00\uD800'],
  ])('refuse %s (the databases would store U+FFFD instead)', (_label, value) => {
    for (const schema of [text(100), longText(100), searchParam, password]) {
      const result = schema.safeParse(`${value}padding`);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toContain(
        'Must be valid Unicode text',
      );
    }
  });

  it('accept emoji, astral characters, right-to-left names, bidi marks and markup as text', () => {
    for (const value of [
      '🦄 Zoë 𝔘𝔫𝔦 👩‍👩‍👧',
      'שרה כהן \u200Fעברית\u200E',
      '<img src=x onerror=alert(1)>',
    ]) {
      expect(text(100).parse(value)).toBe(value);
      expect(longText(100).parse(value)).toBe(value);
    }
  });

  it.each([
    ['a right-to-left override', 'invoice\u202Efdp.exe'],
    ['a left-to-right embedding', 'a\u202Ab'],
    ['a first-strong isolate', 'a\u2068b\u2069'],
  ])('refuse %s in single-line text, which could make a name read as another', (_l, value) => {
    expect(
      text(100)
        .safeParse(value)
        .error?.issues.map((issue) => issue.message),
    ).toEqual(['Must not contain text-direction override characters']);
    // Pasted multi-line text (an email quoted in a note) keeps them; it is shown isolated.
    expect(longText(100).parse(value)).toBe(value);
  });
});
