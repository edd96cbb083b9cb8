import { type AuditPage, type AuditQuery, actionsOfFilter } from '../../../contracts/audit.ts';
import type { AppContext } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../db/keyset.ts';
import type { Actor } from '../../http/auth-guard.ts';
import { fieldError } from '../../http/errors.ts';
import { authorizeAuditLog } from './policy.ts';
import { presentAuditEvent } from './presenter.ts';
import { type AuditLogFilter, idBoundOf, labelsOf, readAuditLog } from './repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const startOfDay = (day: string): number => Date.parse(`${day}T00:00:00Z`);

export function auditLogFilterOf(query: AuditQuery): AuditLogFilter {
  return {
    actions: query.action ? actionsOfFilter(query.action) : null,
    userId: query.userId ?? null,
    entity:
      query.entityType && query.entityId
        ? {
            type: query.entityType,
            // Failed sign-ins file an address nobody has under its lower-cased form.
            id: query.entityType === 'email' ? query.entityId.toLowerCase() : query.entityId,
          }
        : null,
    idFrom: query.from ? idBoundOf(startOfDay(query.from)) : null,
    idBefore: query.to ? idBoundOf(startOfDay(query.to) + DAY_MS) : null,
  };
}

/** The log's cursors are keyed by the id alone: `[id, id]`, and anything else was forged. */
function cursorIdOf(cursor: string): string {
  const [value, id] = decodeCursor(cursor, 'text');
  if (value !== id) throw fieldError('cursor', 'Not a valid cursor');
  return id;
}

/** The audit log, newest first, a page at a time (admins only). */
export async function listAuditEvents(
  ctx: AppContext,
  actor: Actor,
  query: AuditQuery,
): Promise<AuditPage> {
  authorizeAuditLog(actor);
  const cursorId = query.cursor ? cursorIdOf(query.cursor) : null;
  const rows = await readAuditLog(ctx.db, auditLogFilterOf(query), query.limit + 1, cursorId);
  const page = rows.slice(0, query.limit);
  const labels = await labelsOf(
    ctx.db,
    page.map((row) => ({ type: row.entityType, id: row.entityId })),
  );
  const last = page.at(-1);
  return {
    data: page.map((row) => presentAuditEvent(row, labels)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.id, last.id) : null,
  };
}
