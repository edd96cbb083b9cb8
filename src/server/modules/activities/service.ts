import type {
  Activity,
  CreateActivityInput,
  TimelineItem,
  TimelinePage,
  TimelineQuery,
} from '../../../contracts/activities.ts';
import type { AppContext } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../db/keyset.ts';
import type { Actor } from '../../http/auth-guard.ts';
import { forbidden } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso, toIso } from '../../lib/time.ts';
import { canOnCustomer } from '../customers/policy.ts';
import { loadVisibleCustomer } from '../customers/service.ts';
import { roleAllows } from '../leads/policy.ts';
import { loadVisibleLead } from '../leads/service.ts';
import { presentActivity, presentEvents } from './presenter.ts';
import {
  activitiesOf,
  auditEventsOf,
  countTimeline,
  insertActivity,
  type Subject,
} from './repository.ts';

/**
 * Reads the subject as the actor (404 outside their scope) and answers whether they may log
 * activities on it. The timeline is visible to whoever may read the record.
 */
async function authorizeSubject(ctx: AppContext, actor: Actor, subject: Subject) {
  if (subject.type === 'lead') {
    const lead = await loadVisibleLead(ctx.db, actor, subject.id);
    return roleAllows(actor, 'addActivity', lead);
  }
  const customer = await loadVisibleCustomer(ctx.db, actor, subject.id);
  return canOnCustomer(actor, 'addActivity', customer);
}

const newestFirst = (a: TimelineItem, b: TimelineItem) =>
  a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt);

/** Logged activities and audit events of one record, merged newest first, keyset-paged. */
export async function timelineOf(
  ctx: AppContext,
  actor: Actor,
  subject: Subject,
  query: TimelineQuery,
): Promise<TimelinePage> {
  await authorizeSubject(ctx, actor, subject);
  const cursor = query.cursor ? decodeCursor(query.cursor, 'timestamp') : null;
  const [activities, events, total] = await Promise.all([
    activitiesOf(ctx.db, subject, query.limit + 1, cursor),
    auditEventsOf(ctx.db, subject, query.limit + 1, cursor),
    countTimeline(ctx.db, subject),
  ]);
  const merged = [
    ...activities.map(presentActivity),
    ...(await presentEvents(ctx.db, events)),
  ].sort(newestFirst);
  const page = merged.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page,
    nextCursor: merged.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    total,
  };
}

export async function logActivity(
  ctx: AppContext,
  actor: Actor,
  subject: Subject,
  input: CreateActivityInput,
): Promise<Activity> {
  if (!(await authorizeSubject(ctx, actor, subject))) {
    throw forbidden(`Your role does not allow you to log activities on this ${subject.type}.`);
  }
  const id = newId();
  const createdAt = nowIso();
  await insertActivity(ctx.db, { id, subject, ...input, authorId: actor.id, createdAt });
  return {
    type: 'activity',
    id,
    kind: input.kind,
    body: input.body,
    author: { id: actor.id, name: actor.name },
    createdAt: toIso(createdAt),
  };
}
