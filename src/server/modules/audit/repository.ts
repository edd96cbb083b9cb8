import type { AuditEntityType } from '../../db/schema.ts';
import type { Executor } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/time.ts';

export type Changes = Record<string, [unknown, unknown]>;

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  changes?: Changes | null;
  /** Facts that are not a before/after change (stored as JSON). */
  details?: Record<string, unknown> | null;
  /** Where the request came from, for account events (sign-in, password change). */
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** Call with the transaction that makes the change, so the event and the change land together. */
export async function recordAudit(db: Executor, event: AuditInput): Promise<void> {
  await recordAudits(db, [event]);
}

/** Rows per INSERT: 10 parameters a row stays far below SQLite's 32,766 parameters. */
const AUDIT_BATCH = 1_000;

/** Many events (one per lead of a bulk change) in as few statements as the database allows. */
export async function recordAudits(db: Executor, events: AuditInput[]): Promise<void> {
  const createdAt = nowIso();
  for (let start = 0; start < events.length; start += AUDIT_BATCH) {
    await db
      .insertInto('audit_events')
      .values(
        events.slice(start, start + AUDIT_BATCH).map((event) => ({
          id: newId(),
          actorId: event.actorId,
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId,
          changes: event.changes ? JSON.stringify(event.changes) : null,
          details: event.details ? JSON.stringify(event.details) : null,
          ipAddress: event.ipAddress ?? null,
          userAgent: event.userAgent?.slice(0, 512) ?? null,
          createdAt,
        })),
      )
      .execute();
  }
}

/** The before → after of every field whose value differs. */
export function diffFields<T extends object>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [field, value] of Object.entries(after)) {
    const previous = (before as Record<string, unknown>)[field];
    if (value !== undefined && value !== previous) changes[field] = [previous ?? null, value];
  }
  return changes;
}
