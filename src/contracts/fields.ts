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
 * Characters that show as nothing: zero-width space, word joiner, invisible operators, BOM, soft
 * hyphen, Hangul fillers, Mongolian vowel separator, deprecated format characters, tag
 * characters. "Ada" with one of them inside looks exactly like "Ada" and is another name.
 */
const INVISIBLE =
  /\u034F|[\u00AD\u115F\u1160\u17B4\u17B5\u180E\u200B\u2060-\u2064\u206A-\u206F\u3164\uFEFF\uFFA0\u{1BCA0}-\u{1BCA3}\u{E0000}-\u{E007F}]/u;

/**
 * The zero-width joiner and non-joiner do real work between letters of many scripts (Persian
 * "می‌خواهم", Sinhala "ශ්‍රී") and inside emoji ("👩‍👩‍👧"), and none in Latin text, where they
 * only make one name look like another. So each must sit between two characters of that kind:
 * after a mark, an emoji or a non-Latin letter, and before an emoji, a mark or a non-Latin letter.
 */
const JOINER_OUT_OF_PLACE =
  /(?<![\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]|(?!\p{Script=Latin})\p{L})[\u200C\u200D]|[\u200C\u200D](?![\p{M}\p{Extended_Pictographic}]|(?!\p{Script=Latin})\p{L})/u;
export const INVISIBLE_MESSAGE = 'Must not contain invisible characters';
export const hasInvisibleCharacters = (value: string) =>
  INVISIBLE.test(value) || JOINER_OUT_OF_PLACE.test(value);

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
