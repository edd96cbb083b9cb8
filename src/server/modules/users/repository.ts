import type { Role } from '../../db/schema.ts';
import type { Executor } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { dbBool } from '../../lib/time.ts';

/** Whether anyone has an account yet (first-run setup); one index probe, not a count. */
export async function hasAnyUser(db: Executor): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export interface NewUserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  passwordHash: string;
  now: string;
}

/** A user with an email + password credential, the shape Better Auth signs in against. */
export async function insertUserWithPassword(db: Executor, user: NewUserRow): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      name: user.name,
      email: user.email.toLowerCase(),
      emailVerified: dbBool(false),
      role: user.role,
      active: dbBool(true),
      createdAt: user.now,
      updatedAt: user.now,
    })
    .execute();
  await db
    .insertInto('accounts')
    .values({
      id: newId(),
      userId: user.id,
      accountId: user.id,
      providerId: 'credential',
      password: user.passwordHash,
      createdAt: user.now,
      updatedAt: user.now,
    })
    .execute();
}

export function updateUserProfile(
  db: Executor,
  id: string,
  changes: { name?: string; title?: string | null; phone?: string | null; updatedAt: string },
) {
  return db.updateTable('users').set(changes).where('id', '=', id).execute();
}
