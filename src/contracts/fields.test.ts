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

  it('accept emoji, astral characters, bidi marks and markup as text', () => {
    for (const value of [
      '🦄 Zoë 𝔘𝔫𝔦 👩‍👩‍👧',
      'invoice\u202Efdp.exe',
      '<img src=x onerror=alert(1)>',
    ]) {
      expect(text(100).parse(value)).toBe(value);
      expect(longText(100).parse(value)).toBe(value);
    }
  });
});
