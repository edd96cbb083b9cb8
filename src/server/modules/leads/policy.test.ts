import { describe, expect, it } from 'vitest';
import { type LeadStatus, leadStatuses } from '../../../contracts/leads.ts';
import { roles } from '../../../contracts/users.ts';
import { type ExpectedPolicy, ownerFor, ownerships, policyCases } from '../../test/policy-cases.ts';
import { type LeadAction, type LeadPermissions, leadPermissions, roleAllows } from './policy.ts';

const actions: LeadAction[] = [
  'read',
  'create',
  'edit',
  'assign',
  'reopen',
  'delete',
  'convert',
  'addActivity',
];

const everyone = { own: true, other: true, unassigned: true };
const nobody = { own: false, other: false, unassigned: false };
const onlyOwn = { own: true, other: false, unassigned: false };

/** ARCHITECTURE.md's role table, written out as the answers we expect. */
const expected: ExpectedPolicy<LeadAction> = {
  admin: Object.fromEntries(actions.map((a) => [a, everyone])) as Record<
    LeadAction,
    typeof everyone
  >,
  manager: Object.fromEntries(actions.map((a) => [a, everyone])) as Record<
    LeadAction,
    typeof everyone
  >,
  sales: {
    read: onlyOwn,
    create: onlyOwn,
    edit: onlyOwn,
    assign: nobody,
    reopen: nobody,
    delete: nobody,
    convert: onlyOwn,
    addActivity: onlyOwn,
  },
  viewer: {
    read: everyone,
    create: nobody,
    edit: nobody,
    assign: nobody,
    reopen: nobody,
    delete: nobody,
    convert: nobody,
    addActivity: nobody,
  },
};

describe('LeadPolicy', () => {
  const cases = policyCases(expected, actions);

  it.each(cases)('$role may $action a lead ($ownership): $allowed', ({
    role,
    action,
    ownership,
    allowed,
  }) => {
    expect(roleAllows({ id: 'me', role }, action, { ownerId: ownerFor(ownership) })).toBe(allowed);
  });

  it('covers every role × action × ownership', () => {
    expect(cases).toHaveLength(4 * 8 * 3);
  });
});

describe('#leadPermissions', () => {
  const stateRules = (
    status: LeadStatus,
    granted: (action: LeadAction) => boolean,
  ): LeadPermissions => ({
    edit: status !== 'converted' && granted('edit'),
    delete: status !== 'converted' && granted('delete'),
    convert: status === 'qualified' && granted('convert'),
    assign: status !== 'converted' && granted('assign'),
    reopen: status === 'lost' && granted('reopen'),
    addActivity: granted('addActivity'),
  });

  const cases = roles.flatMap((role) =>
    leadStatuses.flatMap((status) => ownerships.map((ownership) => ({ role, status, ownership }))),
  );

  it.each(cases)('$role on a $status lead ($ownership)', ({ role, status, ownership }) => {
    const actual = leadPermissions({ id: 'me', role }, { ownerId: ownerFor(ownership), status });
    expect(actual).toEqual(stateRules(status, (action) => expected[role][action][ownership]));
  });

  it('locks a converted lead for everyone but still lets notes be added', () => {
    expect(
      leadPermissions({ id: 'me', role: 'admin' }, { ownerId: 'me', status: 'converted' }),
    ).toEqual({
      edit: false,
      delete: false,
      convert: false,
      assign: false,
      reopen: false,
      addActivity: true,
    });
  });
});
