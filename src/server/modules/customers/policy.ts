import type { CustomerPermissions } from '../../../contracts/customers.ts';
import type { Actor } from '../../http/auth-guard.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { allows, type PolicyTable, type Scope, type Subject } from '../../lib/policy.ts';

export type CustomerAction = 'read' | 'create' | 'edit' | 'delete' | 'assign' | 'addActivity';

/** The role table of ARCHITECTURE.md for customers. `own`: the customer's owner is the actor. */
export const customerPolicy: PolicyTable<CustomerAction> = {
  read: { admin: 'all', manager: 'all', sales: 'own', viewer: 'all' },
  create: { admin: 'all', manager: 'all', sales: 'own', viewer: 'none' },
  edit: { admin: 'all', manager: 'all', sales: 'own', viewer: 'none' },
  delete: { admin: 'all', manager: 'all', sales: 'none', viewer: 'none' },
  assign: { admin: 'all', manager: 'all', sales: 'none', viewer: 'none' },
  addActivity: { admin: 'all', manager: 'all', sales: 'own', viewer: 'none' },
};

export function customerScope(actor: Subject, action: CustomerAction): Scope {
  return customerPolicy[action][actor.role];
}

export function canOnCustomer(
  actor: Subject,
  action: CustomerAction,
  customer: { ownerId: string | null },
): boolean {
  return allows(customerScope(actor, action), actor, customer.ownerId);
}

export function customerPermissions(
  actor: Subject,
  customer: { ownerId: string | null },
): CustomerPermissions {
  return {
    edit: canOnCustomer(actor, 'edit', customer),
    delete: canOnCustomer(actor, 'delete', customer),
    assign: canOnCustomer(actor, 'assign', customer),
    addActivity: canOnCustomer(actor, 'addActivity', customer),
  };
}

/** Outside the actor's read scope the customer does not exist for them (404); inside it, 403. */
export function authorizeCustomer(
  actor: Actor,
  action: Exclude<CustomerAction, 'read' | 'create'>,
  customer: { ownerId: string | null },
): void {
  if (!canOnCustomer(actor, 'read', customer)) throw notFound('Customer');
  if (!canOnCustomer(actor, action, customer)) {
    throw forbidden(`Your role does not allow you to ${action} this customer.`);
  }
}
