import { forbidden } from '../../http/errors.ts';
import type { PolicyTable, Scope, Subject } from '../../lib/policy.ts';

export type AnalyticsAction = 'readTeam' | 'readOwn';

/**
 * The analytics rows of ARCHITECTURE.md. The team summary (every lead, any owner) is for admins
 * and managers; anyone signed in may read the summary of their own leads, though only the roles
 * that own leads are offered a dashboard of them.
 */
export const analyticsPolicy: PolicyTable<AnalyticsAction> = {
  readTeam: { admin: 'all', manager: 'all', sales: 'none', viewer: 'none' },
  readOwn: { admin: 'own', manager: 'own', sales: 'own', viewer: 'own' },
};

export function analyticsScope(actor: Pick<Subject, 'role'>, action: AnalyticsAction): Scope {
  return analyticsPolicy[action][actor.role];
}

export function canReadTeamAnalytics(actor: Pick<Subject, 'role'>): boolean {
  return analyticsScope(actor, 'readTeam') === 'all';
}

export function authorizeTeamAnalytics(actor: Pick<Subject, 'role'>): void {
  if (!canReadTeamAnalytics(actor)) {
    throw forbidden('Only admins and managers see the team dashboard.');
  }
}
