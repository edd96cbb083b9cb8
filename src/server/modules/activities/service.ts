import type {
  Activity,
  CreateActivityInput,
  TimelineItem,
  TimelinePage,
  TimelineQuery,
} from '../../../contracts/activities.ts';
import type { AppContext } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../db/keyset.ts';
import type { Executor } from '../../db/types.ts';
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
 * activities on it. The timeline is visible to whoever may read the record. `forKeyShare`
 * keeps the subject from being deleted until the transaction ends (PostgreSQL).
 */
async function authorizeSubject(
  db: Executor,
  actor: Actor,
  subject: Subject,
  options: { forKeyShare?: boolean } = {},
) {
  if (subject.type === 'lead') {
    const lead = await loadVisibleLead(db, actor, subject.id, options);
    return roleAllows(actor, 'addActivity', lead);
  }
  const customer = await loadVisibleCustomer(db, actor, subject.id, options);
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
  await authorizeSubject(ctx.db, actor, subject);
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
  const id = newId();
  const createdAt = nowIso();
  // Checked and written in one transaction, the subject locked as a foreign key would lock it
  // (SQLite: the one writer does): otherwise an activity checked just before its lead's delete
  // lands just after it and stays, on nothing. `subjectId` names a lead or a customer, so no
  // foreign key can do this.
  await ctx.db.transaction().execute(async (trx) => {
    const allowed = await authorizeSubject(trx, actor, subject, {
      forKeyShare: ctx.dialect === 'postgres',
    });
    if (!allowed) {
      throw forbidden(`Your role does not allow you to log activities on this ${subject.type}.`);
    }
    await insertActivity(trx, { id, subject, ...input, authorId: actor.id, createdAt });
  });
  return {
    type: 'activity',
    id,
    kind: input.kind,
    body: input.body,
    author: { id: actor.id, name: actor.name },
    createdAt: toIso(createdAt),
  };
}
