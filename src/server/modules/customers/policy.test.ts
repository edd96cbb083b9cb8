import { describe, expect, it } from 'vitest';
import { roles } from '../../../contracts/users.ts';
import { type ExpectedPolicy, ownerFor, policyCases } from '../../test/policy-cases.ts';
import { type CustomerAction, canOnCustomer, customerPermissions } from './policy.ts';

/** The role table of ARCHITECTURE.md, written out as expected answers. */
const expected: ExpectedPolicy<CustomerAction> = {
  admin: {
    read: { own: true, other: true, unassigned: true },
    create: { own: true, other: true, unassigned: true },
    edit: { own: true, other: true, unassigned: true },
    delete: { own: true, other: true, unassigned: true },
    assign: { own: true, other: true, unassigned: true },
    addActivity: { own: true, other: true, unassigned: true },
  },
  manager: {
    read: { own: true, other: true, unassigned: true },
    create: { own: true, other: true, unassigned: true },
    edit: { own: true, other: true, unassigned: true },
    delete: { own: true, other: true, unassigned: true },
    assign: { own: true, other: true, unassigned: true },
    addActivity: { own: true, other: true, unassigned: true },
  },
  sales: {
    read: { own: true, other: false, unassigned: false },
    create: { own: true, other: false, unassigned: false },
    edit: { own: true, other: false, unassigned: false },
    delete: { own: false, other: false, unassigned: false },
    assign: { own: false, other: false, unassigned: false },
    addActivity: { own: true, other: false, unassigned: false },
  },
  viewer: {
    read: { own: true, other: true, unassigned: true },
    create: { own: false, other: false, unassigned: false },
    edit: { own: false, other: false, unassigned: false },
    delete: { own: false, other: false, unassigned: false },
    assign: { own: false, other: false, unassigned: false },
    addActivity: { own: false, other: false, unassigned: false },
  },
};

const actions: CustomerAction[] = ['read', 'create', 'edit', 'delete', 'assign', 'addActivity'];

describe('CustomerPolicy', () => {
  const cases = policyCases(expected, actions);

  it.each(cases)('$role may $action a customer ($ownership): $allowed', ({
    role,
    action,
    ownership,
    allowed,
  }) => {
    expect(canOnCustomer({ id: 'me', role }, action, { ownerId: ownerFor(ownership) })).toBe(
      allowed,
    );
  });

  it('covers every role × action × ownership combination', () => {
    expect(cases).toHaveLength(4 * 6 * 3);
  });

  it('sends the same answers to the client as `can`', () => {
    for (const role of roles) {
      const actor = { id: 'me', role };
      expect(customerPermissions(actor, { ownerId: 'me' })).toEqual({
        edit: expected[role].edit.own,
        delete: expected[role].delete.own,
        assign: expected[role].assign.own,
        addActivity: expected[role].addActivity.own,
      });
    }
  });
});
