import { z } from 'zod';
import { isoTimestamp } from './fields.ts';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** POST /api/v1/me/password. Whether the new one equals the current one is the server's check. */
export const changePasswordSchema = z
  .strictObject({
    currentPassword: z
      .string({ error: 'Current password is required' })
      .min(1, 'Current password is required')
      .max(PASSWORD_MAX, 'Current password is incorrect'),
    newPassword: z
      .string({ error: 'New password is required' })
      .min(PASSWORD_MIN, `Must be at least ${PASSWORD_MIN} characters`)
      .max(PASSWORD_MAX, `Must be at most ${PASSWORD_MAX} characters`),
  })
  .meta({ id: 'ChangePassword' });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const deviceKinds = ['desktop', 'mobile', 'tablet', 'unknown'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

/** One signed-in browser of the caller. Never carries the session token. */
export const accountSessionSchema = z
  .object({
    id: z.string(),
    /** The session this request was made with. */
    current: z.boolean(),
    /** "Chrome", "Safari", "curl"…; null when the user agent says nothing we know. */
    browser: z.string().nullable(),
    os: z.string().nullable(),
    device: z.enum(deviceKinds),
    ipAddress: z.string().nullable(),
    createdAt: isoTimestamp,
    /** When it was last used (to within five minutes). */
    lastSeenAt: isoTimestamp,
    /** When it ends unless used again (idle timeout), or its absolute end, whichever is first. */
    expiresAt: isoTimestamp,
  })
  .meta({ id: 'AccountSession' });
export type AccountSession = z.infer<typeof accountSessionSchema>;

export const accountSessionListSchema = z
  .object({ data: z.array(accountSessionSchema) })
  .meta({ id: 'AccountSessionList' });
export type AccountSessionList = z.infer<typeof accountSessionListSchema>;

export const revokedSessionsSchema = z
  .object({ ended: z.number().int() })
  .meta({ id: 'RevokedSessions' });
export type RevokedSessions = z.infer<typeof revokedSessionsSchema>;
