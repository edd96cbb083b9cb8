import { type Kysely, sql } from 'kysely';
import { columnTypes } from './helpers.ts';

/**
 * Better Auth's tables (user, session, account, verification, rateLimit) under our names,
 * written by us because its CLI needs Node 22; plus the single-row settings table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('emailVerified', t.boolean, (col) => col.notNull().defaultTo(t.false))
    .addColumn('image', 'text')
    .addColumn('role', 'text', (col) => col.notNull().defaultTo('sales'))
    .addColumn('active', t.boolean, (col) => col.notNull().defaultTo(t.true))
    .addColumn('title', 'text')
    .addColumn('phone', 'text')
    .addColumn('lastLoginAt', t.timestamp)
    .addColumn('createdAt', t.timestamp, (col) => col.notNull())
    .addColumn('updatedAt', t.timestamp, (col) => col.notNull())
    .addCheckConstraint('users_role_check', sql`role in ('admin', 'manager', 'sales', 'viewer')`)
    .execute();
  await db.schema
    .createIndex('users_role_active_idx')
    .on('users')
    .columns(['role', 'active'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('userId', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token', 'text', (col) => col.notNull().unique())
    .addColumn('expiresAt', t.timestamp, (col) => col.notNull())
    .addColumn('ipAddress', 'text')
    .addColumn('userAgent', 'text')
    .addColumn('createdAt', t.timestamp, (col) => col.notNull())
    .addColumn('updatedAt', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('userId').execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('userId', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('accountId', 'text', (col) => col.notNull())
    .addColumn('providerId', 'text', (col) => col.notNull())
    .addColumn('accessToken', 'text')
    .addColumn('refreshToken', 'text')
    .addColumn('idToken', 'text')
    .addColumn('accessTokenExpiresAt', t.timestamp)
    .addColumn('refreshTokenExpiresAt', t.timestamp)
    .addColumn('scope', 'text')
    .addColumn('password', 'text')
    .addColumn('createdAt', t.timestamp, (col) => col.notNull())
    .addColumn('updatedAt', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('accounts_user_idx').on('accounts').column('userId').execute();

  await db.schema
    .createTable('verifications')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('identifier', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('expiresAt', t.timestamp, (col) => col.notNull())
    .addColumn('createdAt', t.timestamp, (col) => col.notNull())
    .addColumn('updatedAt', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('verifications_identifier_idx')
    .on('verifications')
    .column('identifier')
    .execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('key', 'text', (col) => col.notNull().unique())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addColumn('lastRequest', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('allowSignup', t.boolean, (col) => col.notNull().defaultTo(t.false))
    .addColumn('currency', 'text', (col) => col.notNull().defaultTo('USD'))
    .addColumn('updatedAt', t.timestamp, (col) => col.notNull())
    .addCheckConstraint('settings_single_row', sql`id = 1`)
    .execute();
  await db
    .insertInto('settings' as never)
    .values({ id: 1, updatedAt: new Date().toISOString() } as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'settings',
    'rate_limits',
    'verifications',
    'accounts',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
