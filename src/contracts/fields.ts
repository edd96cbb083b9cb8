import { z } from 'zod';

const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * A UTF-16 surrogate without its pair is no character: JSON can carry one (`"\ud800"`), but
 * neither database can store it, and the drivers silently wrote U+FFFD instead.
 */
const LONE_SURROGATE = /\p{Cs}/u;
export const NOT_UNICODE_MESSAGE = 'Must be valid Unicode text';
export const isWellFormed = (value: string) => !LONE_SURROGATE.test(value);

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what
 * follows them: in a name they can make a list, a menu or an audit line read as something else
 * ("Trojan Source"). Right-to-left names need none of them; the marks U+200E/U+200F stay allowed.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
export const BIDI_CONTROL_MESSAGE = 'Must not contain text-direction override characters';

/**
 * Characters that show as nothing (Unicode's default-ignorable code points: zero-width space,
 * joiners, word joiner, BOM, soft hyphen, variation selectors, Hangul fillers, tag characters…)
 * and the blank Braille pattern. "Ada" with one of them inside looks exactly like "Ada" and is
 * another name. The bidi marks U+200E/U+200F stay allowed; overrides are refused on their own.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/u;
/** Default-ignorable too, but the bidi marks are allowed and the overrides have their own rule. */
const BIDI_FORMAT_CHARACTERS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Viramas (combining class 9): after one, a joiner or non-joiner chooses the conjunct form. */
const VIRAMA =
  '\u094D\u09CD\u0A4D\u0ACD\u0B4D\u0BCD\u0C4D\u0CCD\u0D3B\u0D3C\u0D4D\u0DCA\u0E3A\u0F84' +
  '\u1039\u103A\u1714\u1734\u17D2\u1A60\u1B44\u1BAA\u1BAB\u1BF2\u1BF3\u2D7F\uA806\uA8C4' +
  '\uA953\uA9C0\uAAF6\uABED';

/**
 * Where some of those do real work, as RFC 5892's contextual rules and the emoji sequences
 * define it; each is taken out before the text is checked. A joiner or non-joiner after a
 * virama (Sinhala "ශ්‍රී", Malayalam "കൃഷ്ണന്‍"); a non-joiner between Arabic-script letters
 * (Persian "می‌خواهم"); a joiner inside an emoji sequence ("👩‍👩‍👧", "🏳️‍🌈"); a text or emoji
 * presentation selector after an emoji or a keycap base ("❤️", "1️⃣"); an ideographic selector
 * after a Han character; a Mongolian free variation selector after a Mongolian letter; the tag
 * characters of a subdivision flag ("🏴󠁧󠁢󠁳󠁣󠁴󠁿").
 */
const MEANINGFUL_FORMAT_CHARACTERS = [
  new RegExp(`(?<=[${VIRAMA}])[\u200C\u200D]`, 'gu'),
  /(?<=\p{Script=Arabic}\p{M}*)\u200C(?=\p{M}*\p{Script=Arabic})/gu,
  /(?<=\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)\u200D(?=\p{Extended_Pictographic})/gu,
  /(?<=\p{Emoji})[\uFE0E\uFE0F]/gu,
  /(?<=\p{Script=Han})[\u{E0100}-\u{E01EF}]/gu,
  /(?<=\p{Script=Mongolian})[\u180B-\u180D\u180F]/gu,
  /(?<=\u{1F3F4})[\u{E0020}-\u{E007E}]+\u{E007F}/gu,
];

export const INVISIBLE_MESSAGE = 'Must not contain invisible characters';
export function hasInvisibleCharacters(value: string): boolean {
  if (!INVISIBLE.test(value)) return false;
  const rest = MEANINGFUL_FORMAT_CHARACTERS.reduce(
    (text, rule) => text.replace(rule, ''),
    value.replace(BIDI_FORMAT_CHARACTERS, ''),
  );
  return INVISIBLE.test(rest);
}

/**
 * Single-line text, trimmed, with the limit in the message a person reads under the field.
 * Control characters (NUL, escapes, line breaks) are refused: PostgreSQL cannot store NUL, and
 * none of them belongs in a name, a phone number or an address line. Nor do bidi overrides or
 * invisible characters.
 */
export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTER.test(value), 'Must not contain control characters')
    .refine((value) => !BIDI_CONTROL.test(value), BIDI_CONTROL_MESSAGE)
    .refine((value) => !hasInvisibleCharacters(value), INVISIBLE_MESSAGE)
    .refine(isWellFormed, NOT_UNICODE_MESSAGE);
}

export function requiredText(max: number, label: string) {
  return text(max).min(1, `${label} is required`);
}

export const email = z
  .string()
  .trim()
  .max(254, 'Must be at most 254 characters')
  .pipe(z.email('Enter a valid email address'));

export const password = z
  .string()
  .min(8, 'Must be at least 8 characters')
  .max(128, 'Must be at most 128 characters')
  .refine(isWellFormed, NOT_UNICODE_MESSAGE);

/** A record id as the API hands them out (opaque, URL-safe); anything else never reaches SQL. */
export const idRef = z
  .string()
  .min(1, 'Not a valid id')
  .max(64, 'Not a valid id')
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid id');

export const idParam = z.object({ id: idRef });

export const isoTimestamp = z.string().meta({ format: 'date-time' });

const CONTROL_EXCEPT_LINE_BREAKS = /[^\P{Cc}\n\r\t]/u;

/** Multi-line text (notes, activity bodies): line breaks and tabs allowed, other controls not. */
export function longText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Must be at most ${max} characters`)
    .refine(
      (value) => !CONTROL_EXCEPT_LINE_BREAKS.test(value),
      'Must not contain control characters',
    )
    .refine(isWellFormed, NOT_UNICODE_MESSAGE);
}

/** An email address, or nothing at all (''). */
export const optionalEmail = z
  .string()
  .trim()
  .max(254, 'Must be at most 254 characters')
  .refine(
    (value) => value === '' || z.email().safeParse(value).success,
    'Enter a valid email address',
  );

/** A reference to another record (owner, author, source lead): its id and a name to show. */
export const refSchema = z.object({ id: z.string(), name: z.string() });
