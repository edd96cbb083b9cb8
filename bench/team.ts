import type { Insertable } from 'kysely';
import type { AccountsTable, Role, UsersTable } from '../src/server/db/schema.ts';
import type { Random } from './random.ts';
import { asciiSlug, DAY_MS } from './text.ts';
import { TEAM } from './vocabulary.ts';

export const BENCH_PASSWORD = 'bench-password-123';
export const BENCH_EMAIL_DOMAIN = 'leadline-bench.example';

export interface TeamMember {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
}

export interface Team {
  members: TeamMember[];
  users: Insertable<UsersTable>[];
  accounts: Insertable<AccountsTable>[];
}

/** The fixed roster of TEAM with ids, join dates and one shared password credential. */
export function generateTeam(random: Random, anchorMs: number, passwordHash: string): Team {
  const members: TeamMember[] = [];
  const users: Insertable<UsersTable>[] = [];
  const accounts: Insertable<AccountsTable>[] = [];
  for (const person of TEAM) {
    // Everyone joined before the oldest lead (18 months back), so no lead predates its owner.
    const joinedMs = anchorMs - random.int(560, 730) * DAY_MS + random.int(0, DAY_MS);
    const id = random.uuid(joinedMs);
    const [first = '', last = ''] = person.name.split(' ');
    const email = `${asciiSlug(first)}.${asciiSlug(last)}@${BENCH_EMAIL_DOMAIN}`;
    const joined = new Date(joinedMs).toISOString();
    const lastLogin = person.active
      ? new Date(anchorMs - random.int(0, 14 * DAY_MS)).toISOString()
      : new Date(anchorMs - random.int(120, 300) * DAY_MS).toISOString();
    members.push({ id, name: person.name, email, role: person.role, active: person.active });
    users.push({
      id,
      name: person.name,
      email,
      emailVerified: 1,
      image: null,
      role: person.role,
      active: person.active ? 1 : 0,
      title: person.title,
      phone: random.digits('+1 (415) 555-01##'),
      lastLoginAt: lastLogin,
      createdAt: joined,
      updatedAt: joined,
    });
    accounts.push({
      id: random.uuid(joinedMs),
      userId: id,
      accountId: id,
      providerId: 'credential',
      accessToken: null,
      refreshToken: null,
      idToken: null,
      accessTokenExpiresAt: null,
      refreshTokenExpiresAt: null,
      scope: null,
      password: passwordHash,
      createdAt: joined,
      updatedAt: joined,
    });
  }
  return { members, users, accounts };
}
