import type { Executor } from '../../db/types.ts';
import { rateLimited } from '../../http/errors.ts';
import { clearAttempts, reserveAttempt } from '../auth/attempts.ts';

/** Wrong current passwords allowed per user in a window before 429. */
export const PASSWORD_ATTEMPTS = 5;
export const PASSWORD_WINDOW_MS = 15 * 60 * 1000;

const keyOf = (userId: string) => `password:${userId}`;

/**
 * Takes one of the user's password attempts, or refuses with 429 and Retry-After once they
 * are used up (even for the right password, so a guess cannot be confirmed while limited);
 * a right password gives the attempts back (`releasePasswordAttempts`).
 */
export async function takePasswordAttempt(db: Executor, userId: string, now = Date.now()) {
  const reservation = await reserveAttempt(
    db,
    keyOf(userId),
    { limit: PASSWORD_ATTEMPTS, windowMs: PASSWORD_WINDOW_MS },
    now,
  );
  if (!reservation.allowed) throw rateLimited(reservation.retryAfterSeconds);
}

export function releasePasswordAttempts(db: Executor, userId: string) {
  return clearAttempts(db, keyOf(userId));
}
