import { z } from 'zod';

/** The stable error codes of API.md. Clients branch on `code`, never on `title` or `detail`. */
export const errorCodes = [
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'validation_failed',
  'invalid_transition',
  'lead_locked',
  'already_converted',
  'duplicate_customer',
  'cannot_modify_self',
  'last_admin',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  'unavailable',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, with our `code` and optional per-field `errors`. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.enum(errorCodes),
    errors: z.array(fieldErrorSchema).optional(),
    existingCustomerId: z.string().optional(),
    customerId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
