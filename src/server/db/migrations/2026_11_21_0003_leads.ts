import { type Kysely, sql } from 'kysely';
import { columnTypes } from './helpers.ts';

/** Leads, their link to the customer they became, and the activity timeline. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('leads')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('firstName', 'text', (col) => col.notNull())
    .addColumn('lastName', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('phone', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('company', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('jobTitle', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('source', 'text', (col) => col.notNull().defaultTo('other'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('new'))
    .addColumn('ownerId', 'text', (col) => col.references('users.id').onDelete('set null'))
    // Money in minor units (cents): integers add up exactly.
    .addColumn('value', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('lostReason', 'text')
    .addColumn('customerId', 'text', (col) => col.references('customers.id').onDelete('set null'))
    .addColumn('convertedAt', t.timestamp)
    .addColumn('statusChangedAt', t.timestamp, (col) => col.notNull())
    .addColumn('createdById', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('createdAt', t.timestamp, (col) => col.notNull())
    .addColumn('updatedAt', t.timestamp, (col) => col.notNull())
    .addCheckConstraint(
      'leads_status_check',
      sql`status in ('new', 'contacted', 'qualified', 'converted', 'lost')`,
    )
    .addCheckConstraint(
      'leads_source_check',
      sql`source in ('website', 'referral', 'event', 'cold_call', 'email_campaign', 'social', 'partner', 'other')`,
    )
    .addCheckConstraint('leads_value_check', sql`value >= 0`)
    .execute();

  // Keyset lists: every sort key with id, alone, by status, by owner, by owner and status.
  for (const key of ['updatedAt', 'createdAt', 'value', 'lastName']) {
    await db.schema.createIndex(`leads_${key}_idx`).on('leads').columns([key, 'id']).execute();
    await db.schema
      .createIndex(`leads_status_${key}_idx`)
      .on('leads')
      .columns(['status', key, 'id'])
      .execute();
    await db.schema
      .createIndex(`leads_owner_${key}_idx`)
      .on('leads')
      .columns(['ownerId', key, 'id'])
      .execute();
    await db.schema
      .createIndex(`leads_owner_status_${key}_idx`)
      .on('leads')
      .columns(['ownerId', 'status', key, 'id'])
      .execute();
  }
  await db.schema
    .createIndex('leads_email_idx')
    .on('leads')
    .expression(sql`lower(email)`)
    .execute();
  await db.schema.createIndex('leads_customer_idx').on('leads').column('customerId').execute();

  // A lead converts once: at most one customer points back at it.
  await db.schema
    .alterTable('customers')
    .addColumn('leadId', 'text', (col) => col.references('leads.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('customers_lead_unique')
    .on('customers')
    .column('leadId')
    .unique()
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('subjectType', 'text', (col) => col.notNull())
    .addColumn('subjectId', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('dueAt', t.timestamp)
    .addColumn('doneAt', t.timestamp)
    .addColumn('authorId', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('createdAt', t.timestamp, (col) => col.notNull())
    .addCheckConstraint('activities_subject_check', sql`"subjectType" in ('lead', 'customer')`)
    .addCheckConstraint(
      'activities_kind_check',
      sql`kind in ('note', 'call', 'email', 'meeting', 'task')`,
    )
    .execute();
  await db.schema
    .createIndex('activities_subject_idx')
    .on('activities')
    .columns(['subjectType', 'subjectId', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('activities').execute();
  await db.schema.dropIndex('customers_lead_unique').execute();
  await db.schema.alterTable('customers').dropColumn('leadId').execute();
  await db.schema.dropTable('leads').execute();
}
