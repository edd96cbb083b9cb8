import { z } from 'zod';
import { isWellFormed, NOT_UNICODE_MESSAGE } from './fields.ts';

export const limitParam = z.coerce
  .number({ error: 'Must be a number' })
  .int('Must be a whole number')
  .min(1, 'Must be between 1 and 200')
  .max(200, 'Must be between 1 and 200')
  .default(50);

export const cursorParam = z.string().max(512, 'Not a valid cursor').optional();

export const searchParam = z
  .string()
  .trim()
  .max(200, 'Must be at most 200 characters')
  // PostgreSQL cannot compare text holding NUL; no search needs a control character.
  .refine((value) => !/\p{Cc}/u.test(value), 'Must not contain control characters')
  .refine(isWellFormed, NOT_UNICODE_MESSAGE)
  .optional();

/** `sort=lastName` ascending, `sort=-lastName` descending, over the fields a list allows. */
export function sortParam<const Field extends string>(
  fields: readonly Field[],
  fallback: NoInfer<`${Field}` | `-${Field}`>,
) {
  type Value = `${Field}` | `-${Field}`;
  const values = fields.flatMap((field) => [field, `-${field}`]) as [Value, ...Value[]];
  // zod's enum typing cannot see through a generic template literal; the values are right.
  return z
    .enum(values, { error: `Must be one of ${values.join(', ')}` })
    .default(fallback as never) as unknown as z.ZodDefault<z.ZodType<Value>>;
}

export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
  });
}

/** `a,b,c` → ['a', 'b', 'c'], each checked against the allowed values. */
export function commaListParam<const Value extends string>(values: readonly Value[], what: string) {
  return z
    .string()
    .max(200)
    .transform((list) =>
      list
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: `Each ${what} must be one of ${values.join(', ')}` })))
    .optional();
}
