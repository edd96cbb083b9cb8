import type { Actor } from '../../http/auth-guard.ts';
import { forbidden } from '../../http/errors.ts';
import type { Subject } from '../../lib/policy.ts';

/** Server settings are the admins' alone. */
export const canManageSettings = (actor: Pick<Subject, 'role'>): boolean => actor.role === 'admin';

export function authorizeSettings(actor: Actor): void {
  if (!canManageSettings(actor)) throw forbidden('Only admins change server settings.');
}
