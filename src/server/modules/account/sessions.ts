import type { AccountSession } from '../../../contracts/account.ts';
import { describeUserAgent } from '../../../contracts/user-agent.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/auth-guard.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { toIso } from '../../lib/time.ts';
import { recordAudit } from '../audit/repository.ts';
import type { ClientInfo } from './password.ts';
import { deleteOtherSessions, deleteSessionOfUser, listSessionsOfUser } from './repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The caller's live sessions, most recently used first: not idle past their expiry and not
 * past the absolute lifetime (the guard would refuse either on its next request).
 */
export async function listOwnSessions(ctx: AppContext, actor: Actor): Promise<AccountSession[]> {
  const now = Date.now();
  const maxAgeMs = ctx.config.session.maxAgeDays * DAY_MS;
  const rows = await listSessionsOfUser(ctx.db, actor.id);
  return rows
    .map((row) => {
      const createdAt = new Date(toIso(row.createdAt)).getTime();
      const expiresAt = Math.min(new Date(toIso(row.expiresAt)).getTime(), createdAt + maxAgeMs);
      const lastSeenAt = toIso(row.lastSeenAt ?? row.updatedAt ?? row.createdAt);
      return {
        id: row.id,
        current: row.id === actor.sessionId,
        ...describeUserAgent(row.userAgent),
        ipAddress: row.ipAddress,
        createdAt: toIso(row.createdAt),
        lastSeenAt,
        expiresAt: new Date(expiresAt).toISOString(),
      };
    })
    .filter((session) => Date.parse(session.expiresAt) > now)
    .sort(
      (a, b) =>
        b.lastSeenAt.localeCompare(a.lastSeenAt) ||
        b.createdAt.localeCompare(a.createdAt) ||
        b.id.localeCompare(a.id),
    );
}

/**
 * Signs out one of the caller's other sessions. Someone else's session is not found (404) and
 * the current one is refused with 409: signing out here is what the sign-out button does,
 * which also clears the cookie.
 */
export async function revokeOwnSession(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
  client: ClientInfo,
): Promise<void> {
  if (sessionId === actor.sessionId) {
    throw conflict('This is the session you are using. Sign out instead.');
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteSessionOfUser(trx, actor.id, sessionId))) throw notFound('Session');
    await recordRevocation(trx, actor, 1, client);
  });
}

/** Signs out every session of the caller but this one. */
export function revokeOtherOwnSessions(
  ctx: AppContext,
  actor: Actor,
  client: ClientInfo,
): Promise<{ ended: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await deleteOtherSessions(trx, actor.id, actor.sessionId);
    if (ended > 0) await recordRevocation(trx, actor, ended, client);
    return { ended };
  });
}

function recordRevocation(
  trx: Parameters<typeof recordAudit>[0],
  actor: Actor,
  ended: number,
  client: ClientInfo,
) {
  return recordAudit(trx, {
    actorId: actor.id,
    action: 'account.sessions_revoked',
    entityType: 'user',
    entityId: actor.id,
    details: { ended },
    ipAddress: client.ipAddress,
    userAgent: client.userAgent,
  });
}
