import { sql } from 'kysely';
import type { Executor } from '../../db/types.ts';

/**
 * Sign-in attempts one account may take per window, whoever sends them and from wherever.
 * Better Auth's own limit (10 a minute per IP) stops one address from spraying many accounts;
 * this one stops many addresses from guessing one account's password.
 */
export const ACCOUNT_SIGN_IN_LIMIT = 5;
export const ACCOUNT_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export type SignInReservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Every address is throttled the same way, a user's or not: the limit reveals no account. */
export const accountKey = (email: string): string => `account:${email.trim().toLowerCase()}`;

/**
 * Counts one attempt against the account and says whether it may go ahead. One upsert, so
 * concurrent attempts (on any node) each get their own number and exactly `limit` pass; an
 * expired window starts over at this attempt.
 */
export async function reserveSignInAttempt(
  db: Executor,
  email: string,
  now = Date.now(),
  limit = ACCOUNT_SIGN_IN_LIMIT,
  windowMs = ACCOUNT_SIGN_IN_WINDOW_MS,
): Promise<SignInReservation> {
  const expired = sql<boolean>`sign_in_attempts."windowStartedAt" <= excluded."windowStartedAt" - ${sql.lit(windowMs)}`;
  const row = await db
    .insertInto('sign_in_attempts')
    .values({ key: accountKey(email), attempts: 1, windowStartedAt: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when ${expired} then 1 else sign_in_attempts.attempts + 1 end`,
        windowStartedAt: sql<number>`case when ${expired} then excluded."windowStartedAt" else sign_in_attempts."windowStartedAt" end`,
      }),
    )
    .returning(['attempts', 'windowStartedAt'])
    .executeTakeFirstOrThrow();
  if (Number(row.attempts) <= limit) return { allowed: true };
  const endsAt = Number(row.windowStartedAt) + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now) / 1000)) };
}

/** A successful sign-in forgives the account's earlier failures. */
export async function clearSignInAttempts(db: Executor, email: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('key', '=', accountKey(email)).execute();
}

/**
 * Drops the counts whose window has ended. Every guessed address leaves a row, so the bridge
 * calls this now and then (about one sign-in in PRUNE_EVERY) to keep the table small.
 */
export async function pruneSignInAttempts(
  db: Executor,
  now = Date.now(),
  windowMs = ACCOUNT_SIGN_IN_WINDOW_MS,
): Promise<number> {
  const result = await db
    .deleteFrom('sign_in_attempts')
    .where('windowStartedAt', '<=', now - windowMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const PRUNE_EVERY = 100;
