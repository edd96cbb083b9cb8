import type { Executor } from '../../db/types.ts';
import { rateLimited } from '../../http/errors.ts';
import { clearAttempts, countAttempt } from './repository.ts';

/** Wrong current passwords allowed per user in a window before 429. */
export const PASSWORD_ATTEMPTS = 5;
export const PASSWORD_WINDOW_MS = 15 * 60 * 1000;

const keyOf = (userId: string) => `password:${userId}`;

/**
 * Takes one of the user's password attempts, or refuses with 429 and Retry-After once they
 * are used up. Counted before the password is checked, so parallel guesses cannot all slip in
 * between a check and a count; a right password gives the attempts back (`releasePasswordAttempts`).
 */
export async function takePasswordAttempt(db: Executor, userId: string, now = Date.now()) {
  const { attempts, windowStartedAt } = await countAttempt(
    db,
    keyOf(userId),
    now,
    PASSWORD_WINDOW_MS,
  );
  if (attempts > PASSWORD_ATTEMPTS) {
    const retryAfterMs = windowStartedAt + PASSWORD_WINDOW_MS - now;
    throw rateLimited(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  }
}

export function releasePasswordAttempts(db: Executor, userId: string) {
  return clearAttempts(db, keyOf(userId));
}
