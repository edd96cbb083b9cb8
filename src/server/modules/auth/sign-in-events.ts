import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../db/types.ts';
import { originOf, recordAudit } from '../audit/repository.ts';

export type SignInFailure = 'invalid_credentials' | 'deactivated' | 'throttled';

/** How a session began: the sign-in form, self sign-up, or the first-run setup. */
export type SignInMethod = 'password' | 'sign_up' | 'setup';

export async function recordSignedIn(
  db: Executor,
  request: FastifyRequest,
  userId: string,
  method: SignInMethod,
): Promise<void> {
  await recordAudit(db, {
    actorId: userId,
    action: 'auth.signed_in',
    entityType: 'user',
    entityId: userId,
    details: method === 'password' ? null : { method },
    ...originOf(request),
  });
}

export async function recordSignedOut(
  db: Executor,
  request: FastifyRequest,
  userId: string,
): Promise<void> {
  await recordAudit(db, {
    actorId: userId,
    action: 'auth.signed_out',
    entityType: 'user',
    entityId: userId,
    ...originOf(request),
  });
}

/**
 * A refused sign-in, filed under the user the address belongs to, or under the address itself
 * (entity type `email`) when it is nobody's, so an admin sees guessing against either.
 */
export async function recordSignInFailed(
  db: Executor,
  request: FastifyRequest,
  email: string,
  reason: SignInFailure,
): Promise<void> {
  const address = email.trim().toLowerCase();
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', address)
    .executeTakeFirst();
  await recordAudit(db, {
    actorId: null,
    action: 'auth.sign_in_failed',
    entityType: user ? 'user' : 'email',
    entityId: user ? user.id : address,
    details: { email: address, reason },
    ...originOf(request),
  });
}
