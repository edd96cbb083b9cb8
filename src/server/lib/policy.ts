import type { Role } from '../../contracts/users.ts';

/**
 * How far a role's permission reaches: every record, only records the actor owns, or none.
 * Each module's policy.ts is a table of these per action and role.
 */
export type Scope = 'all' | 'own' | 'none';

export type PolicyTable<Action extends string> = Record<Action, Record<Role, Scope>>;

export interface Subject {
  id: string;
  role: Role;
}

export function allows(scope: Scope, actor: Subject, ownerId: string | null | undefined): boolean {
  if (scope === 'all') return true;
  if (scope === 'own') return ownerId === actor.id;
  return false;
}
