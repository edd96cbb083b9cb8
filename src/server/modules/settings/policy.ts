import type { Actor } from '../../http/auth-guard.ts';
import { forbidden } from '../../http/errors.ts';

/** Server settings are the admins' alone. */
export function authorizeSettings(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden('Only admins change server settings.');
}
