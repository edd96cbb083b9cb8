import type { Executor } from '../db/types.ts';

/** The audit events of one record, oldest first. */
export function auditEventsOf(db: Executor, entityId: string) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('entityId', '=', entityId)
    .orderBy('id')
    .execute();
}

/** A user's row as stored, with `active` read the same way on both dialects. */
export async function userRow(db: Executor, id: string) {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...row, active: Boolean(row.active) };
}
