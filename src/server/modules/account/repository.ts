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
