import type { Activity, ActivityKind, TimelineEvent } from '../../../contracts/activities.ts';
import type { Executor } from '../../db/types.ts';
import { toIso } from '../../lib/time.ts';
import type { Changes } from '../audit/repository.ts';
import type { activitiesOf, auditEventsOf } from './repository.ts';
import { userNames } from './repository.ts';

type ActivityRow = Awaited<ReturnType<typeof activitiesOf>>[number];
type EventRow = Awaited<ReturnType<typeof auditEventsOf>>[number];

const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function presentActivity(row: ActivityRow): Activity {
  return {
    type: 'activity',
    id: row.id,
    // The table also allows `task`, which nothing writes yet; it reads as a note.
    kind: row.kind === 'task' ? 'note' : (row.kind as Exclude<ActivityKind, 'task'>),
    body: row.body,
    author: ref(row.authorId, row.authorName),
    createdAt: toIso(row.createdAt),
  };
}

/**
 * Audit changes as a person reads them: owners by name (`owner`) rather than by id, money in
 * currency units rather than cents. The stored event keeps the ids and cents.
 */
function readable(changes: Changes, names: Map<string, string>): Changes {
  const result: Changes = {};
  const name = (id: unknown) =>
    typeof id === 'string' ? (names.get(id) ?? 'a former user') : null;
  for (const [field, [before, after]] of Object.entries(changes)) {
    if (field === 'ownerId') result.owner = [name(before), name(after)];
    else if (field === 'value') {
      result.value = [
        typeof before === 'number' ? before / 100 : before,
        typeof after === 'number' ? after / 100 : after,
      ];
    } else result[field] = [before, after];
  }
  return result;
}

export async function presentEvents(db: Executor, rows: EventRow[]): Promise<TimelineEvent[]> {
  const parsed = rows.map((row) => ({
    row,
    changes: row.changes ? (JSON.parse(row.changes) as Changes) : null,
  }));
  const ownerIds = new Set<string>();
  for (const { changes } of parsed) {
    for (const id of changes?.ownerId ?? []) if (typeof id === 'string') ownerIds.add(id);
  }
  const names = await userNames(db, [...ownerIds]);
  return parsed.map(({ row, changes }) => ({
    type: 'event',
    id: row.id,
    action: row.action,
    changes: changes ? readable(changes, names) : null,
    actor: ref(row.actorId, row.actorName),
    createdAt: toIso(row.createdAt),
  }));
}
