import { sql } from 'kysely';
import type { Executor } from '../../db/types.ts';

/** How many attempts a key may take per window (sign-ins per account, password checks per user). */
export interface AttemptRule {
  limit: number;
  windowMs: number;
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` (in `sign_in_attempts`, shared by every node) and says
 * whether it may go ahead. One upsert, so concurrent attempts each get their own number and
 * exactly `limit` pass; an expired window starts over at this attempt. Callers count BEFORE
 * checking a password, so a burst of guesses cannot slip in between a check and a count.
 */
export async function reserveAttempt(
  db: Executor,
  key: string,
  { limit, windowMs }: AttemptRule,
  now = Date.now(),
): Promise<Reservation> {
  // Compared with the inserted row's own value: no typed parameter inside the CASE.
  const expired = sql<boolean>`sign_in_attempts."windowStartedAt" <= excluded."windowStartedAt" - ${sql.lit(windowMs)}`;
  const row = await db
    .insertInto('sign_in_attempts')
    .values({ key, attempts: 1, windowStartedAt: now })
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

/** A success forgives the key's earlier attempts. */
export async function clearAttempts(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('key', '=', key).execute();
}

/** Drops the counts whose window (the longest any rule uses) has ended. */
export async function pruneAttempts(db: Executor, windowMs: number, now = Date.now()) {
  const result = await db
    .deleteFrom('sign_in_attempts')
    .where('windowStartedAt', '<=', now - windowMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
