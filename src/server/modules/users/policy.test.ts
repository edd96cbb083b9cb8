import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../../../contracts/users.ts';
import { AppError } from '../../http/errors.ts';
import {
  authorizeUserAction,
  canManageUsers,
  canOnUser,
  teamMemberPermissions,
  type UserAction,
} from './policy.ts';

type Target = 'self' | 'other';
const targets: Target[] = ['self', 'other'];

const actions: UserAction[] = [
  'list',
  'readAccount',
  'create',
  'edit',
  'changeRole',
  'deactivate',
  'reassignLeads',
];

const everyone = { self: true, other: true };
const nobody = { self: false, other: false };
const othersOnly = { self: false, other: true };

const notAdmin: Record<UserAction, Record<Target, boolean>> = {
  list: everyone,
  readAccount: nobody,
  create: nobody,
  edit: nobody,
  changeRole: nobody,
  deactivate: nobody,
  reassignLeads: nobody,
};

/** ARCHITECTURE.md: managing users is the admins'; no admin changes their own role or status. */
const expected: Record<Role, Record<UserAction, Record<Target, boolean>>> = {
  admin: {
    list: everyone,
    readAccount: everyone,
    create: everyone,
    edit: everyone,
    changeRole: othersOnly,
    deactivate: othersOnly,
    reassignLeads: everyone,
  },
  manager: notAdmin,
  sales: notAdmin,
  viewer: notAdmin,
};

const targetFor = (target: Target) => ({ id: target === 'self' ? 'me' : 'someone-else' });

function refusal(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe('UserPolicy', () => {
  const cases = roles.flatMap((role) =>
    actions.flatMap((action) =>
      targets.map((target) => ({ role, action, target, allowed: expected[role][action][target] })),
    ),
  );

  it('covers every role × action × self/other combination', () => {
    expect(cases).toHaveLength(4 * 7 * 2);
  });

  it.each(cases)('$role may $action ($target): $allowed', ({ role, action, target, allowed }) => {
    expect(canOnUser({ id: 'me', role }, action, targetFor(target))).toBe(allowed);
  });

  it.each(
    cases.filter((c) => c.action !== 'list'),
  )('$role → $action ($target) is refused with the right error', ({
    role,
    action,
    target,
    allowed,
  }) => {
    const result = refusal(() =>
      authorizeUserAction({ id: 'me', role }, action, targetFor(target)),
    );
    if (allowed) expect(result).toBeNull();
    else if (role === 'admin') expect(result).toBe('409 cannot_modify_self');
    else expect(result).toBe('403 forbidden');
  });

  it('sends the same answers to the client as `can`', () => {
    for (const role of roles) {
      for (const target of targets) {
        expect(teamMemberPermissions({ id: 'me', role }, targetFor(target))).toEqual({
          edit: expected[role].edit[target],
          changeRole: expected[role].changeRole[target],
          deactivate: expected[role].deactivate[target],
        });
      }
    }
  });

  it('lets only admins manage users', () => {
    expect(roles.filter((role) => canManageUsers({ role }))).toEqual(['admin']);
  });
});
