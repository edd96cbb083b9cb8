import { hashPassword, verifyPassword } from 'better-auth/crypto';
import type { ChangePasswordInput } from '../../../contracts/account.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/auth-guard.ts';
import { fieldError } from '../../http/errors.ts';
import { nowIso } from '../../lib/time.ts';
import { recordAudit } from '../audit/repository.ts';
import { deleteOtherSessions, findPasswordHash, updatePasswordHash } from './repository.ts';
import { releasePasswordAttempts, takePasswordAttempt } from './throttle.ts';

/** Where an account change was made from, for its audit event. */
export interface ClientInfo {
  ipAddress: string;
  userAgent: string | null;
}

/**
 * Changes the caller's password after checking the current one, and ends every other session
 * of theirs: whoever else knew the old password is signed out, this browser stays signed in.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  input: ChangePasswordInput,
  client: ClientInfo,
): Promise<{ endedSessions: number }> {
  await takePasswordAttempt(ctx.db, actor.id);
  const account = await findPasswordHash(ctx.db, actor.id);
  const matches =
    account?.password != null &&
    (await verifyPassword({ hash: account.password, password: input.currentPassword }));
  if (!matches) throw fieldError('currentPassword', 'Current password is incorrect');
  await releasePasswordAttempts(ctx.db, actor.id);
  if (input.newPassword === input.currentPassword) {
    throw fieldError('newPassword', 'Must differ from your current password');
  }

  const hash = await hashPassword(input.newPassword);
  return ctx.db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, actor.id, hash, nowIso());
    const endedSessions = await deleteOtherSessions(trx, actor.id, actor.sessionId);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'account.password_changed',
      entityType: 'user',
      entityId: actor.id,
      details: { endedSessions },
      ipAddress: client.ipAddress,
      userAgent: client.userAgent,
    });
    return { endedSessions };
  });
}
