import type { Kysely } from 'kysely';

/**
 * The audit log's "events about this record" in id order. The timeline's index
 * (entityType, entityId, createdAt, id) sorts by time first, so a log page filtered by entity
 * or by user would otherwise sort the record's events every time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_events_entity_log_idx')
    .on('audit_events')
    .columns(['entityType', 'entityId', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_entity_log_idx').execute();
}
