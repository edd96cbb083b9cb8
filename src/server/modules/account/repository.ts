import { sql } from 'kysely';
import type { Executor } from '../../db/types.ts';

export function findPasswordHash(db: Executor, userId: string) {
  return db
    .selectFrom('accounts')
    .select('password')
    .where('userId', '=', userId)
    .where('providerId', '=', 'credential')
    .executeTakeFirst();
}

export async function updatePasswordHash(db: Executor, userId: string, hash: string, now: string) {
  await db
    .updateTable('accounts')
    .set({ password: hash, updatedAt: now })
    .where('userId', '=', userId)
    .where('providerId', '=', 'credential')
    .execute();
}

/** Every session of a user, tokens left out: they never leave the database through us. */
export function listSessionsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'ipAddress', 'userAgent', 'createdAt', 'updatedAt', 'lastSeenAt', 'expiresAt'])
    .where('userId', '=', userId)
    .execute();
}

/** Ends one of the user's sessions; false when the user has no session with that id. */
export async function deleteSessionOfUser(
  db: Executor,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ends every session of the user but the one kept; returns how many ended. */
export async function deleteOtherSessions(
  db: Executor,
  userId: string,
  keepSessionId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('userId', '=', userId)
    .where('id', '!=', keepSessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Counts one attempt under `key` in its window (a new window once the old one is over) and
 * returns the count and when the window started, in one statement, so concurrent attempts
 * on any node each get their own number.
 */
export async function countAttempt(
  db: Executor,
  key: string,
  now: number,
  windowMs: number,
): Promise<{ attempts: number; windowStartedAt: number }> {
  const expired = sql<boolean>`sign_in_attempts."windowStartedAt" <= ${now - windowMs}`;
  const row = await db
    .insertInto('sign_in_attempts')
    .values({ key, attempts: 1, windowStartedAt: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql`case when ${expired} then 1 else sign_in_attempts.attempts + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now} else sign_in_attempts."windowStartedAt" end`,
      }),
    )
    .returning(['attempts', 'windowStartedAt'])
    .executeTakeFirstOrThrow();
  return { attempts: Number(row.attempts), windowStartedAt: Number(row.windowStartedAt) };
}

export async function clearAttempts(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('key', '=', key).execute();
}
