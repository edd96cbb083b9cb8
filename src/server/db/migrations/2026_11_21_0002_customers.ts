import { type Kysely, sql } from 'kysely';
import { columnTypes } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('firstName', 'text', (col) => col.notNull())
    .addColumn('lastName', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('phone', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('company', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('address', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('city', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('state', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('zipcode', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('country', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('ownerId', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('createdById', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('createdAt', t.timestamp, (col) => col.notNull())
    .addColumn('updatedAt', t.timestamp, (col) => col.notNull())
    .execute();
  // The uniqueness rule itself: one customer per email, whatever its case, even under races.
  await db.schema
    .createIndex('customers_email_unique')
    .on('customers')
    .expression(sql`lower(email)`)
    .unique()
    .execute();
  // Keyset pagination: every sort is (key, id); sales users' lists add ownerId in front.
  for (const key of ['createdAt', 'lastName', 'company']) {
    await db.schema
      .createIndex(`customers_${key}_idx`)
      .on('customers')
      .columns([key, 'id'])
      .execute();
    await db.schema
      .createIndex(`customers_owner_${key}_idx`)
      .on('customers')
      .columns(['ownerId', key, 'id'])
      .execute();
  }

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('actorId', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entityType', 'text', (col) => col.notNull())
    .addColumn('entityId', 'text', (col) => col.notNull())
    .addColumn('changes', 'text')
    .addColumn('createdAt', t.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_entity_idx')
    .on('audit_events')
    .columns(['entityType', 'entityId', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_events').execute();
  await db.schema.dropTable('customers').execute();
}
