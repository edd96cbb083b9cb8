import type { Role, TeamMember } from '../../../contracts/users.ts';
import { cannotModifySelf, forbidden } from '../../http/errors.ts';
import type { Subject } from '../../lib/policy.ts';

export type UserAction =
  | 'list'
  | 'readAccount'
  | 'create'
  | 'edit'
  | 'changeRole'
  | 'deactivate'
  | 'reassignLeads';

/**
 * Which users an action reaches: anyone, anyone but the actor themself, or nobody.
 * (The records here are people, so "own" means the actor's own account.)
 */
export type UserReach = 'anyone' | 'othersOnly' | 'nobody';

const adminsOnly: Record<Role, UserReach> = {
  admin: 'anyone',
  manager: 'nobody',
  sales: 'nobody',
  viewer: 'nobody',
};

/**
 * The team-administration table of ARCHITECTURE.md. Everyone sees the team (assignment
 * pickers need it); only admins see account details and change anything. An admin never
 * changes their own role or deactivates themself (or reactivates: `deactivate` covers both).
 */
export const userPolicy: Record<UserAction, Record<Role, UserReach>> = {
  list: { admin: 'anyone', manager: 'anyone', sales: 'anyone', viewer: 'anyone' },
  readAccount: adminsOnly,
  create: adminsOnly,
  edit: adminsOnly,
  changeRole: { admin: 'othersOnly', manager: 'nobody', sales: 'nobody', viewer: 'nobody' },
  deactivate: { admin: 'othersOnly', manager: 'nobody', sales: 'nobody', viewer: 'nobody' },
  reassignLeads: adminsOnly,
};

export function userReach(actor: Pick<Subject, 'role'>, action: UserAction): UserReach {
  return userPolicy[action][actor.role];
}

export function canOnUser(actor: Subject, action: UserAction, user: { id: string }): boolean {
  const reach = userReach(actor, action);
  return reach === 'anyone' || (reach === 'othersOnly' && user.id !== actor.id);
}

/** Managing the team (create users, change roles, deactivate, reassign their leads) is for admins. */
export function canManageUsers(actor: Pick<Subject, 'role'>): boolean {
  return userReach(actor, 'create') !== 'nobody';
}

/** What the Users page may offer on a row, as the API sends it (`can`). */
export function teamMemberPermissions(
  actor: Subject,
  user: { id: string },
): NonNullable<TeamMember['can']> {
  return {
    edit: canOnUser(actor, 'edit', user),
    changeRole: canOnUser(actor, 'changeRole', user),
    deactivate: canOnUser(actor, 'deactivate', user),
  };
}

/**
 * A role that may never do this → 403; an admin acting on their own account → 409.
 * Without a user (creating one) only the role decides.
 */
export function authorizeUserAction(
  actor: Subject,
  action: UserAction,
  user?: { id: string },
): void {
  const reach = userReach(actor, action);
  if (reach === 'nobody') throw forbidden('Only admins manage the team.');
  if (user && !canOnUser(actor, action, user)) {
    throw cannotModifySelf(
      action === 'changeRole'
        ? 'You cannot change your own role. Ask another admin.'
        : 'You cannot deactivate or reactivate your own account. Ask another admin.',
    );
  }
}
