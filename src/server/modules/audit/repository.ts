import { sql } from 'kysely';
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

/** Where a request came from, for events an admin may want to trace to a device. */
export interface RequestOrigin {
  ipAddress: string | null;
  userAgent: string | null;
}

export const originOf = (request: {
  ip: string;
  headers: { 'user-agent'?: string | undefined };
}): RequestOrigin => ({ ipAddress: request.ip, userAgent: request.headers['user-agent'] ?? null });

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

/** What the log can be narrowed to; every part is served by an index on `audit_events`. */
export interface AuditLogFilter {
  actions: readonly string[] | null;
  userId: string | null;
  entity: { type: AuditEntityType; id: string } | null;
  /** Id bounds: ids are UUIDv7, so a time range is an id range (see idBoundOf). */
  idFrom: string | null;
  idBefore: string | null;
}

/**
 * The smallest id a UUIDv7 minted at `ms` can have, as a string prefix: every id minted at or
 * after `ms` sorts at or after it, every earlier one before it.
 */
export function idBoundOf(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

function auditLogQuery(db: Executor, limit: number, before: string | null) {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users as actor', 'actor.id', 'audit_events.actorId')
    .select([
      'audit_events.id',
      'audit_events.action',
      'audit_events.createdAt',
      'audit_events.actorId',
      'actor.name as actorName',
      'actor.avatarVersion as actorAvatarVersion',
      'audit_events.entityType',
      'audit_events.entityId',
      'audit_events.changes',
      'audit_events.details',
      'audit_events.ipAddress',
      'audit_events.userAgent',
    ])
    .orderBy('audit_events.id', 'desc')
    .limit(limit);
  if (before) query = query.where('audit_events.id', '<', before);
  return query;
}

export type AuditLogRow = Awaited<ReturnType<ReturnType<typeof auditLogQuery>['execute']>>[number];

/**
 * Up to `limit` events, newest first, before the cursor id. The log is read as one or more
 * streams, each an index walked in id order: by actor and by entity for a user's events, one
 * per action for an action filter, by entity, or the primary key. Streams are merged here, so
 * no filter makes the database sort the matching rows.
 */
export async function readAuditLog(
  db: Executor,
  filter: AuditLogFilter,
  limit: number,
  cursorId: string | null,
): Promise<AuditLogRow[]> {
  const before =
    cursorId && filter.idBefore
      ? cursorId < filter.idBefore
        ? cursorId
        : filter.idBefore
      : (cursorId ?? filter.idBefore);
  type Query = ReturnType<typeof auditLogQuery>;
  const narrowed = (query: Query, skip: 'actions' | 'entity' | null): Query => {
    let q = query;
    if (filter.idFrom) q = q.where('audit_events.id', '>=', filter.idFrom);
    if (filter.actions && skip !== 'actions') {
      // Checked on the rows the stream's own index finds: `action || ''` keeps the planner
      // from walking the action index instead and sorting its matches.
      const actions = filter.actions;
      q = q.where((eb) => eb(sql<string>`${eb.ref('audit_events.action')} || ''`, 'in', actions));
    }
    if (filter.entity && skip !== 'entity') {
      q = q
        .where('audit_events.entityType', '=', filter.entity.type)
        .where('audit_events.entityId', '=', filter.entity.id);
    }
    return q;
  };
  const base = () => auditLogQuery(db, limit, before);
  let streams: Query[];
  if (filter.userId) {
    const userId = filter.userId;
    streams = [
      narrowed(base().where('audit_events.actorId', '=', userId), null),
      narrowed(
        base()
          .where('audit_events.entityType', '=', 'user')
          .where('audit_events.entityId', '=', userId),
        null,
      ),
    ];
  } else if (filter.entity) {
    streams = [narrowed(base(), null)];
  } else if (filter.actions) {
    streams = filter.actions.map((action) =>
      narrowed(base().where('audit_events.action', '=', action), 'actions'),
    );
  } else {
    streams = [narrowed(base(), null)];
  }
  const results = await Promise.all(streams.map((stream) => stream.execute()));
  const byId = new Map<string, AuditLogRow>();
  for (const row of results.flat()) byId.set(row.id, row);
  return [...byId.values()]
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, limit);
}

/** Current names of the records events point at, for those that still exist. */
export async function labelsOf(
  db: Executor,
  refs: { type: AuditEntityType; id: string }[],
): Promise<Map<string, string>> {
  const idsOf = (type: AuditEntityType) => [
    ...new Set(refs.filter((ref) => ref.type === type).map((ref) => ref.id)),
  ];
  const labels = new Map<string, string>();
  const [leads, customers, users] = [idsOf('lead'), idsOf('customer'), idsOf('user')];
  const [leadRows, customerRows, userRows] = await Promise.all([
    leads.length
      ? db
          .selectFrom('leads')
          .select(['id', 'firstName', 'lastName'])
          .where('id', 'in', leads)
          .execute()
      : [],
    customers.length
      ? db
          .selectFrom('customers')
          .select(['id', 'firstName', 'lastName'])
          .where('id', 'in', customers)
          .execute()
      : [],
    users.length
      ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', users).execute()
      : [],
  ]);
  for (const row of leadRows) labels.set(`lead:${row.id}`, `${row.firstName} ${row.lastName}`);
  for (const row of customerRows) {
    labels.set(`customer:${row.id}`, `${row.firstName} ${row.lastName}`);
  }
  for (const row of userRows) labels.set(`user:${row.id}`, row.name);
  return labels;
}
