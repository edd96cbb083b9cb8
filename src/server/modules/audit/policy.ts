import type { Actor } from '../../http/auth-guard.ts';
import { forbidden } from '../../http/errors.ts';
import type { Subject } from '../../lib/policy.ts';

/** The audit log (every account, team and record change) is the admins' alone. */
export const canReadAuditLog = (actor: Pick<Subject, 'role'>): boolean => actor.role === 'admin';

export function authorizeAuditLog(actor: Actor): void {
  if (!canReadAuditLog(actor)) throw forbidden('Only admins read the audit log.');
}
