import type { LeadStatus } from '../../../contracts/leads.ts';
import { allows, type PolicyTable, type Scope, type Subject } from '../../lib/policy.ts';

export type LeadAction =
  | 'read'
  | 'create'
  | 'edit'
  | 'assign'
  | 'reopen'
  | 'delete'
  | 'convert'
  | 'addActivity';

/** The role table of ARCHITECTURE.md for leads. `own`: the lead is assigned to the actor. */
export const leadPolicy: PolicyTable<LeadAction> = {
  read: { admin: 'all', manager: 'all', sales: 'own', viewer: 'all' },
  create: { admin: 'all', manager: 'all', sales: 'own', viewer: 'none' },
  edit: { admin: 'all', manager: 'all', sales: 'own', viewer: 'none' },
  assign: { admin: 'all', manager: 'all', sales: 'none', viewer: 'none' },
  reopen: { admin: 'all', manager: 'all', sales: 'none', viewer: 'none' },
  delete: { admin: 'all', manager: 'all', sales: 'none', viewer: 'none' },
  convert: { admin: 'all', manager: 'all', sales: 'own', viewer: 'none' },
  addActivity: { admin: 'all', manager: 'all', sales: 'own', viewer: 'none' },
};

export function leadScope(actor: Pick<Subject, 'role'>, action: LeadAction): Scope {
  return leadPolicy[action][actor.role];
}

export interface LeadState {
  ownerId: string | null;
  status: LeadStatus;
}

/** What the role allows on this lead, ignoring its status. */
export function roleAllows(actor: Subject, action: LeadAction, lead: Pick<LeadState, 'ownerId'>) {
  return allows(leadScope(actor, action), actor, lead.ownerId);
}

export interface LeadPermissions {
  edit: boolean;
  delete: boolean;
  convert: boolean;
  assign: boolean;
  reopen: boolean;
  addActivity: boolean;
}

/**
 * The caller's permissions on a lead as the API sends them (`can`): the role table, narrowed
 * by the lead's state. A converted lead is locked (only activities may be added); conversion
 * needs a qualified lead and reopening a lost one.
 */
export function leadPermissions(actor: Subject, lead: LeadState): LeadPermissions {
  const locked = lead.status === 'converted';
  const role = (action: LeadAction) => roleAllows(actor, action, lead);
  return {
    edit: !locked && role('edit'),
    delete: !locked && role('delete'),
    convert: lead.status === 'qualified' && role('convert'),
    assign: !locked && role('assign'),
    reopen: lead.status === 'lost' && role('reopen'),
    addActivity: role('addActivity'),
  };
}
