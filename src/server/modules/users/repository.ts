import { sql } from 'kysely';
import { openLeadStatuses } from '../../../contracts/leads.ts';
import type { Dialect } from '../../db/connect.ts';
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

/** The user's row, locked for the rest of the transaction on PostgreSQL (SQLite has one writer). */
export function lockUserById(db: Executor, dialect: Dialect, id: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .$if(dialect === 'postgres', (query) => query.forUpdate())
    .executeTakeFirst();
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

/** The team, by name (case-insensitively, the same on both dialects), optionally by status. */
export function listTeam(db: Executor, filter: { active?: boolean }) {
  return db
    .selectFrom('users')
    .selectAll()
    .$if(filter.active !== undefined, (query) =>
      query.where('active', '=', dbBool(filter.active === true)),
    )
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
}

/** How many leads each user owns in an open status; users with none are absent. */
export async function countOpenLeadsByOwner(
  db: Executor,
  ownerId?: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('leads')
    .select((eb) => ['ownerId', eb.fn.countAll<number>().as('count')])
    .where('status', 'in', openLeadStatuses)
    .$if(ownerId === undefined, (query) => query.where('ownerId', 'is not', null))
    .$if(ownerId !== undefined, (query) => query.where('ownerId', '=', ownerId as string))
    .groupBy('ownerId')
    .execute();
  return new Map(rows.map((row) => [row.ownerId as string, Number(row.count)]));
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin')
    .where('active', '=', dbBool(true))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function updateUserAccount(
  db: Executor,
  id: string,
  changes: { name?: string; role?: Role; active?: boolean; updatedAt: string },
) {
  const { active, ...rest } = changes;
  return db
    .updateTable('users')
    .set({ ...rest, ...(active === undefined ? {} : { active: dbBool(active) }) })
    .where('id', '=', id)
    .execute();
}

/** Signs the user out everywhere: the auth guard finds no session for their cookies. */
export async function deleteSessionsOf(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}

/**
 * Moves every open lead owned by `fromUserId` to `toUserId` (null: unassigned) and returns the
 * ids it moved. The owner and status are checked by the UPDATE itself, so a lead converted or
 * reassigned by a concurrent request is left alone and not reported.
 */
export async function reassignOpenLeadsOf(
  db: Executor,
  dialect: Dialect,
  fromUserId: string,
  toUserId: string | null,
  now: string,
): Promise<string[]> {
  if (dialect === 'postgres') {
    // Every lead first, then every lead_totals cell the update will change, in key order: a
    // single-lead write takes its lead, then its two cells in key order, so the two can wait
    // for each other but never in a cycle. Left to the trigger, the cells would come in the
    // leads' order, and a move of one of the new owner's leads (not locked here) could hold
    // one of his cells while waiting for another that this update already holds: a deadlock.
    await db
      .selectFrom('leads')
      .select('id')
      .where('ownerId', '=', fromUserId)
      .where('status', 'in', openLeadStatuses)
      .orderBy('id')
      .forUpdate()
      .execute();
    await sql`
      insert into lead_totals ("ownerKey", source, status, count, value, writes)
      select owners.owner_key, cells.source, cells.status, 0, 0, 0
      from (select distinct source, status from leads
            where "ownerId" = ${fromUserId} and status in (${sql.join(openLeadStatuses)})) cells
      cross join (values (${fromUserId}::text), (${toUserId ?? ''}::text)) owners(owner_key)
      order by owners.owner_key, cells.source, cells.status
      on conflict ("ownerKey", source, status) do update set writes = lead_totals.writes
    `.execute(db);
  }
  const rows = await db
    .updateTable('leads')
    .set({ ownerId: toUserId, updatedAt: now })
    .where('ownerId', '=', fromUserId)
    .where('status', 'in', openLeadStatuses)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Stores a user's picture (replacing any) and the version that goes into its URL. */
export async function saveAvatar(
  db: Executor,
  userId: string,
  avatar: { large: Buffer; small: Buffer; version: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('avatars')
    .values({ userId, large: avatar.large, small: avatar.small, createdAt: now })
    .onConflict((oc) =>
      oc.column('userId').doUpdateSet({ large: avatar.large, small: avatar.small, createdAt: now }),
    )
    .execute();
  await db
    .updateTable('users')
    .set({ avatarVersion: avatar.version, updatedAt: now })
    .where('id', '=', userId)
    .execute();
}

/** Back to the generated default; returns whether there was a picture. */
export async function deleteAvatar(db: Executor, userId: string, now: string): Promise<boolean> {
  const deleted = await db.deleteFrom('avatars').where('userId', '=', userId).executeTakeFirst();
  await db
    .updateTable('users')
    .set({ avatarVersion: null, updatedAt: now })
    .where('id', '=', userId)
    .execute();
  return Number(deleted.numDeletedRows) > 0;
}

/** One size of a user's picture, or undefined when they have none. */
export function findAvatarImage(db: Executor, userId: string, size: 'large' | 'small') {
  return db
    .selectFrom('avatars')
    .select(size === 'large' ? 'large as image' : 'small as image')
    .where('userId', '=', userId)
    .executeTakeFirst();
}
