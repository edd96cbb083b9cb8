import type { Kysely } from 'kysely';
import { dialectOf } from '../connect.ts';
import { columnTypes } from './helpers.ts';

/**
 * Profiles and account security.
 *
 * - `avatars`: each user's picture, already re-encoded (256 px and 64 px WebP), in the database
 *   so every app node serves the same bytes. `users.avatarVersion` changes with the picture and
 *   goes into its URL, so a picture can be cached for a year.
 * - `sessions.lastSeenAt`: when a session was last used (written at most every few minutes).
 * - `audit_events`: where a sign-in came from (`ipAddress`, `userAgent`) and `details` (JSON)
 *   for what is not a before/after change, such as the email a failed sign-in tried.
 * - `sign_in_attempts`: attempts per account in the current window, shared by every node.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const binary = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('avatars')
    .addColumn('userId', 'text', (col) =>
      col.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('large', binary, (col) => col.notNull())
    .addColumn('small', binary, (col) => col.notNull())
    .addColumn('createdAt', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.alterTable('users').addColumn('avatarVersion', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('lastSeenAt', t.timestamp).execute();

  await db.schema.alterTable('audit_events').addColumn('ipAddress', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('userAgent', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('details', 'text').execute();
  await db.schema
    .createIndex('audit_events_action_idx')
    .on('audit_events')
    .columns(['action', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_events_actor_idx')
    .on('audit_events')
    .columns(['actorId', 'id'])
    .execute();

  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    /** Epoch milliseconds: compared the same way on both databases. */
    .addColumn('windowStartedAt', 'bigint', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_attempts').execute();
  await db.schema.dropIndex('audit_events_actor_idx').execute();
  await db.schema.dropIndex('audit_events_action_idx').execute();
  await db.schema.alterTable('audit_events').dropColumn('details').execute();
  await db.schema.alterTable('audit_events').dropColumn('userAgent').execute();
  await db.schema.alterTable('audit_events').dropColumn('ipAddress').execute();
  await db.schema.alterTable('sessions').dropColumn('lastSeenAt').execute();
  await db.schema.alterTable('users').dropColumn('avatarVersion').execute();
  await db.schema.dropTable('avatars').execute();
}
