import type { Kysely } from 'kysely';

/** A record's timeline reads its audit events newest first: one index range per record. */
export async function up(db: Kysely<unknown>): Promise<void> {
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
  await db.schema.dropIndex('audit_events_entity_idx').execute();
  await db.schema.dropIndex('activities_subject_idx').execute();
  await db.schema
    .createIndex('activities_subject_idx')
    .on('activities')
    .columns(['subjectType', 'subjectId', 'id'])
    .execute();
}
