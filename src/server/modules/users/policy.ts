import type { Subject } from '../../lib/policy.ts';

/** Managing the team (create users, change roles, deactivate, reassign their leads) is for admins. */
export function canManageUsers(actor: Pick<Subject, 'role'>): boolean {
  return actor.role === 'admin';
}
