import { type Role, roles } from '../../contracts/users.ts';

/** Whose record it is, seen from the actor ('me'). */
export type Ownership = 'own' | 'other' | 'unassigned';
export const ownerships: Ownership[] = ['own', 'other', 'unassigned'];

export const ownerFor = (ownership: Ownership): string | null =>
  ownership === 'own' ? 'me' : ownership === 'other' ? 'someone-else' : null;

export type ExpectedPolicy<Action extends string> = Record<
  Role,
  Record<Action, Record<Ownership, boolean>>
>;

/** Every role × action × ownership with the answer the table of expectations gives. */
export function policyCases<Action extends string>(
  expected: ExpectedPolicy<Action>,
  actions: readonly Action[],
) {
  return roles.flatMap((role) =>
    actions.flatMap((action) =>
      ownerships.map((ownership) => ({
        role,
        action,
        ownership,
        allowed: expected[role][action][ownership],
      })),
    ),
  );
}
