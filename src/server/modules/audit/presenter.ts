import type { AuditEvent } from '../../../contracts/audit.ts';
import { userRefOf } from '../../../contracts/avatars.ts';
import { toIso } from '../../lib/time.ts';
import type { AuditLogRow } from './repository.ts';

const parsed = <T>(json: string | null): T | null => (json ? (JSON.parse(json) as T) : null);

export function presentAuditEvent(row: AuditLogRow, labels: Map<string, string>): AuditEvent {
  return {
    id: row.id,
    action: row.action,
    createdAt: toIso(row.createdAt),
    actor: userRefOf(row.actorId, row.actorName ?? 'Deleted user', row.actorAvatarVersion),
    entity: {
      type: row.entityType,
      id: row.entityId,
      label: labels.get(`${row.entityType}:${row.entityId}`) ?? null,
    },
    changes: parsed(row.changes),
    details: parsed(row.details),
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
  };
}
