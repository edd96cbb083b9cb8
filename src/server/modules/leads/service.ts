import {
  CONTACT_REQUIRED_MESSAGE,
  type CreateLeadInput,
  type Lead,
  type LeadPage,
  type LeadSortField,
  type ListLeadsQuery,
  type UpdateLeadInput,
} from '../../../contracts/leads.ts';
import type { AppContext } from '../../context.ts';
import { decodeCursor, encodeCursor, parseSort, type SortKeyKind } from '../../db/keyset.ts';
import type { Executor } from '../../db/types.ts';
import type { Actor } from '../../http/auth-guard.ts';
import {
  type AppError,
  fieldError,
  forbidden,
  invalidTransition,
  leadLocked,
  notFound,
} from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/time.ts';
import { deleteActivitiesOf } from '../activities/repository.ts';
import { type Changes, diffFields, recordAudit } from '../audit/repository.ts';
import { findUserById } from '../users/repository.ts';
import { leadScope, roleAllows } from './policy.ts';
import { presentLead, toMinorUnits } from './presenter.ts';
import {
  countLeads,
  deleteLeadRow,
  findLeadById,
  insertLead,
  type LeadFilter,
  type LeadRow,
  listLeads,
  updateLeadRow,
} from './repository.ts';
import { indexLead, WALK_THRESHOLD } from './search.ts';
import { checkTransition, type TransitionRefusal } from './transitions.ts';

const sortKeyKinds: Record<LeadSortField, SortKeyKind> = {
  createdAt: 'timestamp',
  updatedAt: 'timestamp',
  value: 'number',
  lastName: 'text',
};

const SEARCHABLE = ['firstName', 'lastName', 'email', 'phone', 'company'] as const;

/** The filter a list request means for this actor; null when it can match nothing they may see. */
export function scopedFilter(
  actor: Actor,
  query: Pick<ListLeadsQuery, 'q' | 'status' | 'source' | 'ownerId'>,
): LeadFilter | null {
  const filter: LeadFilter = {
    ...(query.q ? { q: query.q } : {}),
    ...(query.status?.length ? { statuses: query.status } : {}),
    ...(query.source?.length ? { sources: query.source } : {}),
  };
  const requested =
    query.ownerId === 'me' ? actor.id : query.ownerId === 'none' ? null : query.ownerId;
  if (leadScope(actor, 'read') === 'own') {
    // A sales user asking for someone else's (or nobody's) leads gets an empty list, not a hint.
    if (requested !== undefined && requested !== actor.id) return null;
    filter.ownerId = actor.id;
  } else if (requested !== undefined) {
    filter.ownerId = requested;
  }
  return filter;
}

export async function listLeadsFor(
  ctx: AppContext,
  actor: Actor,
  query: ListLeadsQuery,
): Promise<LeadPage> {
  const canCreate = leadScope(actor, 'create') !== 'none';
  const filter = scopedFilter(actor, query);
  if (!filter) return { data: [], nextCursor: null, total: 0, canCreate };
  const sort = parseSort<LeadSortField>(query.sort);
  const cursor = query.cursor ? decodeCursor(query.cursor, sortKeyKinds[sort.key]) : null;
  // The count first: it tells a search which plan fits (see search.ts).
  const total = await countLeads(ctx.db, filter);
  const plan = filter.q && total > WALK_THRESHOLD ? 'walk' : 'lookup';
  const rows = await listLeads(ctx.db, { ...filter, searchPlan: plan }, sort, query.limit, cursor);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => presentLead(row, actor)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(sort.key === 'value' ? Number(last.value) : last[sort.key], last.id)
        : null,
    total,
    canCreate,
  };
}

/** A lead the actor may read, or 404: outside their scope a lead does not exist for them. */
/**
 * The lead if the actor may see it. Writers pass `forUpdate` (on PostgreSQL) so what they check
 * (its status, its fields) cannot change before they write: an edit racing a conversion would
 * otherwise write to a lead that had just been converted and locked.
 */
export async function loadVisibleLead(
  db: Executor,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean; forKeyShare?: boolean } = {},
): Promise<LeadRow> {
  const row = await findLeadById(db, id, options);
  if (!row || !roleAllows(actor, 'read', row)) throw notFound('Lead');
  return row;
}

export async function getLead(ctx: AppContext, actor: Actor, id: string): Promise<Lead> {
  return presentLead(await loadVisibleLead(ctx.db, actor, id), actor);
}

/** Who owns a new or reassigned lead: an active user, or nobody (null). */
async function resolveOwner(db: Executor, requested: string | null): Promise<string | null> {
  if (requested === null) return null;
  const owner = await findUserById(db, requested);
  if (!owner?.active) throw fieldError('ownerId', 'Choose an active user as the owner');
  return owner.id;
}

export function refusalError(refusal: TransitionRefusal): AppError {
  switch (refusal.code) {
    case 'lead_locked':
      return leadLocked();
    case 'invalid_transition':
      return invalidTransition(refusal.reason);
    case 'forbidden':
      return forbidden(refusal.reason);
    case 'validation_failed':
      return fieldError(refusal.field, refusal.reason);
  }
}

export async function createLead(
  ctx: AppContext,
  actor: Actor,
  input: CreateLeadInput,
): Promise<Lead> {
  const scope = leadScope(actor, 'create');
  if (scope === 'none') throw forbidden('Your role does not allow you to create leads.');
  const { ownerId: requestedOwner, value, ...fields } = input;
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    // Sales users' leads are theirs whatever they ask; others choose (default: themselves).
    const ownerId =
      scope === 'own' || requestedOwner === undefined
        ? actor.id
        : await resolveOwner(trx, requestedOwner);
    const now = nowIso();
    const cents = toMinorUnits(value);
    await insertLead(trx, {
      id,
      ...fields,
      value: cents,
      ownerId,
      status: 'new',
      statusChangedAt: now,
      createdById: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await indexLead(trx, id, { ...fields, updatedAt: now });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'lead.created',
      entityType: 'lead',
      entityId: id,
      changes: diffFields({}, { ...fields, value: cents, ownerId, status: 'new' }),
    });
  });
  return getLead(ctx, actor, id);
}

/** Splits an edit's diff into the timeline's events: field changes, status, assignment. */
function auditEvents(diff: Changes): { action: string; changes: Changes }[] {
  const { status, lostReason, ownerId, ...fields } = diff;
  const events: { action: string; changes: Changes }[] = [];
  if (Object.keys(fields).length > 0) events.push({ action: 'lead.updated', changes: fields });
  if (status) {
    events.push({
      action: 'lead.status_changed',
      changes: { status, ...(lostReason ? { lostReason } : {}) },
    });
  } else if (lostReason) {
    events.push({ action: 'lead.updated', changes: { lostReason } });
  }
  if (ownerId) events.push({ action: 'lead.assigned', changes: { ownerId } });
  return events;
}

export async function updateLead(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateLeadInput,
): Promise<Lead> {
  const { ownerId: requestedOwner, status, lostReason, value, ...fields } = input;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadVisibleLead(trx, actor, id, {
      forUpdate: ctx.dialect === 'postgres',
    });
    if (!roleAllows(actor, 'edit', before)) {
      throw forbidden('Your role does not allow you to edit this lead.');
    }
    if (before.status === 'converted') throw leadLocked();

    const after: Record<string, unknown> = { ...fields };
    if (value !== undefined) after.value = toMinorUnits(value);
    if (requestedOwner !== undefined && requestedOwner !== before.ownerId) {
      if (!roleAllows(actor, 'assign', before)) {
        throw forbidden('Only admins and managers assign leads.');
      }
      after.ownerId = await resolveOwner(trx, requestedOwner);
    }
    if (status !== undefined && status !== before.status) {
      const result = checkTransition({
        from: before.status,
        to: status,
        role: actor.role,
        via: 'update',
        lostReason,
      });
      if (!result.ok) throw refusalError(result);
      after.status = status;
      after.lostReason = status === 'lost' ? lostReason : null;
    } else if (lostReason !== undefined) {
      if (before.status !== 'lost') {
        throw fieldError('lostReason', 'Only a lost lead has a reason');
      }
      if (!lostReason) throw fieldError('lostReason', 'Say why the lead was lost.');
      after.lostReason = lostReason;
    }

    const email = (after.email as string | undefined) ?? before.email;
    const phone = (after.phone as string | undefined) ?? before.phone;
    if (!email && !phone) throw fieldError(email ? 'phone' : 'email', CONTACT_REQUIRED_MESSAGE);

    const diff = diffFields(before, after);
    if (Object.keys(diff).length === 0) return;
    const now = nowIso();
    const changed = Object.fromEntries(Object.entries(diff).map(([field, [, to]]) => [field, to]));
    await updateLeadRow(trx, id, {
      ...changed,
      ...(diff.status ? { statusChangedAt: now } : {}),
      updatedAt: now,
    });
    if (SEARCHABLE.some((field) => field in diff)) {
      await indexLead(trx, id, { ...before, ...(changed as Partial<LeadRow>), updatedAt: now });
    }
    for (const event of auditEvents(diff)) {
      await recordAudit(trx, { actorId: actor.id, entityType: 'lead', entityId: id, ...event });
    }
  });
  return getLead(ctx, actor, id);
}

export async function deleteLead(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const lead = await loadVisibleLead(trx, actor, id, { forUpdate: ctx.dialect === 'postgres' });
    if (!roleAllows(actor, 'delete', lead)) {
      throw forbidden('Only admins and managers delete leads.');
    }
    if (lead.status === 'converted') throw leadLocked();
    await deleteActivitiesOf(trx, { type: 'lead', id });
    await deleteLeadRow(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'lead.deleted',
      entityType: 'lead',
      entityId: id,
      changes: { name: [`${lead.firstName} ${lead.lastName}`, null], status: [lead.status, null] },
    });
  });
}
