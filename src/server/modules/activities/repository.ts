import type { ActivityKind } from '../../../contracts/activities.ts';
import { afterCursor } from '../../db/keyset.ts';
import type { Executor } from '../../db/types.ts';

export type SubjectType = 'lead' | 'customer';

export interface Subject {
  type: SubjectType;
  id: string;
}

type Cursor = [string | number, string] | null;

export function activitiesOf(db: Executor, subject: Subject, limit: number, cursor: Cursor) {
  let query = db
    .selectFrom('activities')
    .leftJoin('users as author', 'author.id', 'activities.authorId')
    .select([
      'activities.id',
      'activities.kind',
      'activities.body',
      'activities.authorId',
      'activities.createdAt',
      'author.name as authorName',
    ])
    .where('activities.subjectType', '=', subject.type)
    .where('activities.subjectId', '=', subject.id);
  if (cursor) {
    query = query.where((eb) =>
      afterCursor(eb.ref('activities.createdAt'), eb.ref('activities.id'), 'desc', cursor),
    );
  }
  return query
    .orderBy('activities.createdAt', 'desc')
    .orderBy('activities.id', 'desc')
    .limit(limit)
    .execute();
}

export function auditEventsOf(db: Executor, subject: Subject, limit: number, cursor: Cursor) {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users as actor', 'actor.id', 'audit_events.actorId')
    .select([
      'audit_events.id',
      'audit_events.action',
      'audit_events.changes',
      'audit_events.actorId',
      'audit_events.createdAt',
      'actor.name as actorName',
    ])
    .where('audit_events.entityType', '=', subject.type)
    .where('audit_events.entityId', '=', subject.id);
  if (cursor) {
    query = query.where((eb) =>
      afterCursor(eb.ref('audit_events.createdAt'), eb.ref('audit_events.id'), 'desc', cursor),
    );
  }
  return query
    .orderBy('audit_events.createdAt', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countTimeline(db: Executor, subject: Subject): Promise<number> {
  const [activities, events] = await Promise.all([
    db
      .selectFrom('activities')
      .where('subjectType', '=', subject.type)
      .where('subjectId', '=', subject.id)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_events')
      .where('entityType', '=', subject.type)
      .where('entityId', '=', subject.id)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return Number(activities.count) + Number(events.count);
}

export async function insertActivity(
  db: Executor,
  activity: {
    id: string;
    subject: Subject;
    kind: ActivityKind;
    body: string;
    authorId: string;
    createdAt: string;
  },
): Promise<void> {
  await db
    .insertInto('activities')
    .values({
      id: activity.id,
      subjectType: activity.subject.type,
      subjectId: activity.subject.id,
      kind: activity.kind,
      body: activity.body,
      authorId: activity.authorId,
      createdAt: activity.createdAt,
    })
    .execute();
}

export async function deleteActivitiesOf(db: Executor, subject: Subject): Promise<void> {
  await db
    .deleteFrom('activities')
    .where('subjectType', '=', subject.type)
    .where('subjectId', '=', subject.id)
    .execute();
}

export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
