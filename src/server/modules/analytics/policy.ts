import { forbidden } from '../../http/errors.ts';
import type { PolicyTable, Scope, Subject } from '../../lib/policy.ts';

export type AnalyticsAction = 'readTeam';

/**
 * The team summary (every lead, any owner) is for admins and managers. The summary of one's
 * own leads needs no rule: anyone signed in reads it (only the roles that own leads, see
 * `me.can.viewOwnAnalytics`, are offered a dashboard of it).
 */
export const analyticsPolicy: PolicyTable<AnalyticsAction> = {
  readTeam: { admin: 'all', manager: 'all', sales: 'none', viewer: 'none' },
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
