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

describe('invisible characters in single-line text', () => {
  it.each([
    ['a zero-width space', 'A\u200Bda'],
    ['a zero-width joiner between Latin letters', 'A\u200Dda'],
    ['a zero-width non-joiner between Latin letters', 'Ad\u200Ca'],
    ['a zero-width joiner at the end', 'Ada\u200D'],
    ['a byte-order mark inside', 'Ad\uFEFFa'],
    ['a word joiner', 'Ad\u2060a'],
    ['a soft hyphen', 'Ad\u00ADa'],
    ['a Hangul filler', 'Ada\u3164'],
    ['tag characters', 'Ada\u{E0041}\u{E0042}'],
    ['a Mongolian vowel separator', 'Ada\u180E'],
    ['a zero-width joiner between Cyrillic letters', 'Ан\u200Dна'],
    ['a zero-width non-joiner between Han characters', '王\u200C明'],
    ['a variation selector after a Latin letter', 'Ada\uFE0F'],
    ['a blank Braille pattern', 'Ada\u2800Lovelace'],
    ['a combining grapheme joiner', 'A\u034Fda'],
  ])('refuse %s, which makes two names look identical', (_label, value) => {
    const result = text(100).safeParse(value);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Must not contain invisible characters',
    ]);
  });

  it.each([
    ['a Persian word with its non-joiner', 'می\u200Cخواهم'],
    ['a Sinhala name with its joiner', 'ශ්\u200Dරී'],
    ['an emoji family', 'Team 👩\u200D👩\u200D👧'],
    ['a flag with a variation selector and a joiner', 'Pride 🏳\uFE0F\u200D🌈'],
    ['an emoji with a skin tone joined to another', 'Dev 👩🏽\u200D💻'],
    ['a Malayalam chillu written with a joiner at the end', 'കൃഷ്ണന്\u200D'],
    ['a Hindi conjunct with a non-joiner after the virama', 'क्\u200Cष'],
    ['a keycap', 'Team 1\uFE0F\u20E3'],
    ['a heart in emoji presentation', 'Ada ❤\uFE0F'],
    ['the flag of Scotland', 'Ada 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'],
    ['Arabic, Hebrew and Thai names', 'محمد عبد الله שרה สมชาย'],
  ])('accept %s, where the joiner does real work', (_label, value) => {
    expect(text(100).parse(value)).toBe(value);
  });

  it('leave multi-line text alone (a pasted email keeps what it had)', () => {
    expect(longText(100).parse('A\u200Bda')).toBe('A\u200Bda');
  });
});
