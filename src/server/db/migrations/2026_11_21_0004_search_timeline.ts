import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../connect.ts';
import { columnTypes } from './helpers.ts';

/**
 * Lead search served by an index: every word of a lead's names, company, email and phone is a
 * row of `lead_search`, so `q` is a prefix range scan per word instead of a scan of all leads.
 * And a record's timeline reads its audit events and activities newest first from one index each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const t = columnTypes(db);
  await db.schema
    .createTable('lead_search')
    // Byte order on PostgreSQL too, so a prefix is one index range whatever the locale.
    .addColumn('token', 'text', (col) =>
      postgres ? col.notNull().modifyEnd(sql`collate "C"`) : col.notNull(),
    )
    .addColumn('leadId', 'text', (col) => col.notNull().references('leads.id').onDelete('cascade'))
    // The lead's updatedAt, repeated here so the default list order is read from this index.
    .addColumn('updatedAt', t.timestamp, (col) => col.notNull())
    .addPrimaryKeyConstraint('lead_search_pkey', ['token', 'leadId'])
    .execute();
  // A search in the default order (newest change first) reads matches already sorted.
  await db.schema
    .createIndex('lead_search_recent_idx')
    .on('lead_search')
    .columns(['token', 'updatedAt', 'leadId'])
    .execute();
  // Whatever writes a lead, its search rows follow its updatedAt: the database sees to it.
  if (postgres) {
    await sql`
      create function lead_search_follow_lead() returns trigger language plpgsql as $$
      begin
        update lead_search set "updatedAt" = new."updatedAt" where "leadId" = new.id;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger leads_search_follow after update of "updatedAt" on leads
      for each row when (old."updatedAt" is distinct from new."updatedAt")
      execute function lead_search_follow_lead()`.execute(db);
  } else {
    await sql`
      create trigger leads_search_follow after update of "updatedAt" on leads
      for each row when old."updatedAt" is not new."updatedAt"
      begin
        update lead_search set "updatedAt" = new."updatedAt" where "leadId" = new.id;
      end`.execute(db);
  }
  // Per lead: rewriting a lead's words, and checking "does this lead match?" while walking
  // a sort index (the plan for searches that match a large share of the leads).
  await db.schema
    .createIndex('lead_search_lead_idx')
    .on('lead_search')
    .columns(['leadId', 'token'])
    .execute();

  await db.schema.dropIndex('audit_events_entity_idx').execute();
  await db.schema
    .createIndex('audit_events_entity_idx')
    .on('audit_events')
    .columns(['entityType', 'entityId', 'createdAt', 'id'])
    .execute();
  await db.schema.dropIndex('activities_subject_idx').execute();
  await db.schema
    .createIndex('activities_subject_idx')
    .on('activities')
    .columns(['subjectType', 'subjectId', 'createdAt', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('activities_subject_idx').execute();
  await db.schema
    .createIndex('activities_subject_idx')
    .on('activities')
    .columns(['subjectType', 'subjectId', 'id'])
    .execute();
  await db.schema.dropIndex('audit_events_entity_idx').execute();
  await db.schema
    .createIndex('audit_events_entity_idx')
    .on('audit_events')
    .columns(['entityType', 'entityId', 'id'])
    .execute();
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger leads_search_follow on leads`.execute(db);
    await sql`drop function lead_search_follow_lead()`.execute(db);
  } else {
    await sql`drop trigger leads_search_follow`.execute(db);
  }
  await db.schema.dropTable('lead_search').execute();
}
