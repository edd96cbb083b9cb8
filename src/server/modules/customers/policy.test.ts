import { describe, expect, it } from 'vitest';
import { roles } from '../../../contracts/users.ts';
import { type CustomerAction, canOnCustomer, customerPermissions } from './policy.ts';

type Ownership = 'own' | 'other' | 'unowned';

/** The role table of ARCHITECTURE.md, written out as expected answers. */
const expected: Record<
  (typeof roles)[number],
  Record<CustomerAction, Record<Ownership, boolean>>
> = {
  admin: {
    read: { own: true, other: true, unowned: true },
    create: { own: true, other: true, unowned: true },
    edit: { own: true, other: true, unowned: true },
    delete: { own: true, other: true, unowned: true },
    assign: { own: true, other: true, unowned: true },
  },
  manager: {
    read: { own: true, other: true, unowned: true },
    create: { own: true, other: true, unowned: true },
    edit: { own: true, other: true, unowned: true },
    delete: { own: true, other: true, unowned: true },
    assign: { own: true, other: true, unowned: true },
  },
  sales: {
    read: { own: true, other: false, unowned: false },
    create: { own: true, other: false, unowned: false },
    edit: { own: true, other: false, unowned: false },
    delete: { own: false, other: false, unowned: false },
    assign: { own: false, other: false, unowned: false },
  },
  viewer: {
    read: { own: true, other: true, unowned: true },
    create: { own: false, other: false, unowned: false },
    edit: { own: false, other: false, unowned: false },
    delete: { own: false, other: false, unowned: false },
    assign: { own: false, other: false, unowned: false },
  },
};

const actions: CustomerAction[] = ['read', 'create', 'edit', 'delete', 'assign'];
const ownerships: Ownership[] = ['own', 'other', 'unowned'];

describe('CustomerPolicy', () => {
  const cases = roles.flatMap((role) =>
    actions.flatMap((action) =>
      ownerships.map((ownership) => ({
        role,
        action,
        ownership,
        allowed: expected[role][action][ownership],
      })),
    ),
  );

  it.each(cases)('$role may $action a customer ($ownership): $allowed', ({
    role,
    action,
    ownership,
    allowed,
  }) => {
    const actor = { id: 'me', role };
    const ownerId = ownership === 'own' ? 'me' : ownership === 'other' ? 'someone' : null;
    expect(canOnCustomer(actor, action, { ownerId })).toBe(allowed);
  });

  it('covers every role × action × ownership combination', () => {
    expect(cases).toHaveLength(4 * 5 * 3);
  });

  it('sends the same answers to the client as `can`', () => {
    for (const role of roles) {
      const actor = { id: 'me', role };
      expect(customerPermissions(actor, { ownerId: 'me' })).toEqual({
        edit: expected[role].edit.own,
        delete: expected[role].delete.own,
        assign: expected[role].assign.own,
      });
    }
  });
});
