import type {
  CreateUserInput,
  ListUsersQuery,
  ReassignLeadsResult,
  Team,
  TeamMember,
  UpdateUserInput,
} from '../../../contracts/users.ts';
import type { AppContext } from '../../context.ts';
import type { User } from '../../db/schema.ts';
import type { Executor } from '../../db/types.ts';
import type { Actor } from '../../http/auth-guard.ts';
import { fieldError, forbidden, lastAdmin, notFound } from '../../http/errors.ts';
import { nowIso } from '../../lib/time.ts';
import {
  type AuditInput,
  type Changes,
  type RequestOrigin,
  recordAudits,
} from '../audit/repository.ts';
import { lockSettings } from '../settings/repository.ts';
import { authorizeUserAction, type UserAction, userReach } from './policy.ts';
import { presentTeamMember } from './presenter.ts';
import {
  countActiveAdmins,
  countOpenLeadsByOwner,
  deleteSessionsOf,
  findUserById,
  listTeam,
  reassignOpenLeadsOf,
  updateUserAccount,
} from './repository.ts';
import { createUser } from './service.ts';

/**
 * Starts a team change: takes the team-change mutex (the settings row's lock on PostgreSQL;
 * SQLite runs one transaction at a time) and re-reads the acting user, who may have been
 * demoted or deactivated by a request that held the lock just before this one.
 */
async function lockTeam(ctx: AppContext, trx: Executor, actor: Actor, action: UserAction) {
  await lockSettings(trx, ctx.dialect);
  const acting = await findUserById(trx, actor.id);
  if (!acting?.active || userReach(acting, action) === 'nobody') {
    throw forbidden('You are no longer an admin.');
  }
  return acting;
}

/** Refuses to leave the team without an active admin. Call inside the team lock. */
export async function ensureAdminRemains(
  db: Executor,
  before: Pick<User, 'role' | 'active'>,
  after: { role?: User['role']; active?: boolean },
): Promise<void> {
  const wasActiveAdmin = before.role === 'admin' && Boolean(before.active);
  const staysActiveAdmin =
    (after.role ?? before.role) === 'admin' && (after.active ?? Boolean(before.active));
  if (wasActiveAdmin && !staysActiveAdmin && (await countActiveAdmins(db)) <= 1) {
    throw lastAdmin();
  }
}

async function present(ctx: AppContext, actor: Actor, id: string): Promise<TeamMember> {
  const user = await findUserById(ctx.db, id);
  if (!user) throw notFound('User');
  const openLeads = await countOpenLeadsByOwner(ctx.db, id);
  return presentTeamMember(user, actor, openLeads.get(id) ?? 0);
}

export async function listTeamFor(
  ctx: AppContext,
  actor: Actor,
  query: ListUsersQuery,
): Promise<Team> {
  const users = await listTeam(
    ctx.db,
    query.active === undefined ? {} : { active: query.active === 'true' },
  );
  const openLeads =
    userReach(actor, 'readAccount') === 'nobody'
      ? new Map<string, number>()
      : await countOpenLeadsByOwner(ctx.db);
  return {
    data: users.map((user) => presentTeamMember(user, actor, openLeads.get(user.id) ?? 0)),
    nextCursor: null,
    total: users.length,
  };
}

export async function createTeamMember(
  ctx: AppContext,
  actor: Actor,
  input: CreateUserInput,
): Promise<TeamMember> {
  authorizeUserAction(actor, 'create');
  const user = await createUser(ctx, input, actor.id);
  return presentTeamMember(user, actor, 0);
}

/**
 * One event per kind of change, so the audit log can be filtered by it: a rename is
 * `user.updated`, a new role `user.role_changed`, a status change `user.deactivated` or
 * `user.reactivated`.
 */
function auditEventsOfChange(
  actorId: string,
  userId: string,
  diff: Changes,
  origin: RequestOrigin | null,
): AuditInput[] {
  const event = (action: string, changes: Changes): AuditInput => ({
    ...origin,
    actorId,
    action,
    entityType: 'user',
    entityId: userId,
    changes,
  });
  const events: AuditInput[] = [];
  if (diff.role) events.push(event('user.role_changed', { role: diff.role }));
  if (diff.active) {
    const action = diff.active[1] ? 'user.reactivated' : 'user.deactivated';
    events.push(event(action, { active: diff.active }));
  }
  if (diff.name) events.push(event('user.updated', { name: diff.name }));
  return events;
}

/** Renames, changes the role of, deactivates or reactivates a user, with the team's invariants. */
export async function updateTeamMember(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
  origin: RequestOrigin | null = null,
): Promise<TeamMember> {
  authorizeUserAction(actor, 'edit', { id });
  await ctx.db.transaction().execute(async (trx) => {
    const acting = await lockTeam(ctx, trx, actor, 'edit');
    const before = await findUserById(trx, id);
    if (!before) throw notFound('User');
    const wasActive = Boolean(before.active);
    const changes: { name?: string; role?: User['role']; active?: boolean } = {};
    const diff: Changes = {};
    if (input.name !== undefined && input.name !== before.name) {
      changes.name = input.name;
      diff.name = [before.name, input.name];
    }
    if (input.role !== undefined && input.role !== before.role) {
      authorizeUserAction(acting, 'changeRole', before);
      changes.role = input.role;
      diff.role = [before.role, input.role];
    }
    if (input.active !== undefined && input.active !== wasActive) {
      authorizeUserAction(acting, 'deactivate', before);
      changes.active = input.active;
      diff.active = [wasActive, input.active];
    }
    if (Object.keys(diff).length === 0) return;
    await ensureAdminRemains(trx, before, changes);
    await updateUserAccount(trx, id, { ...changes, updatedAt: nowIso() });
    if (changes.active === false) await deleteSessionsOf(trx, id);
    await recordAudits(trx, auditEventsOfChange(actor.id, id, diff, origin));
  });
  return present(ctx, actor, id);
}

/**
 * Hands every open lead (New, Contacted, Qualified) of one user to an active user, or to
 * nobody, in one transaction with an audit event per lead. Converted and lost leads stay.
 */
export async function reassignOpenLeads(
  ctx: AppContext,
  actor: Actor,
  fromUserId: string,
  toUserId: string | null,
): Promise<ReassignLeadsResult> {
  authorizeUserAction(actor, 'reassignLeads', { id: fromUserId });
  return ctx.db.transaction().execute(async (trx) => {
    await lockTeam(ctx, trx, actor, 'reassignLeads');
    if (!(await findUserById(trx, fromUserId))) throw notFound('User');
    if (toUserId === fromUserId) {
      throw fieldError('toUserId', 'Choose someone other than the user who has the leads now');
    }
    if (toUserId !== null && !(await findUserById(trx, toUserId))?.active) {
      throw fieldError('toUserId', 'Choose an active user to take over the leads');
    }
    const moved = await reassignOpenLeadsOf(trx, ctx.dialect, fromUserId, toUserId, nowIso());
    await recordAudits(
      trx,
      moved.map((leadId) => ({
        actorId: actor.id,
        action: 'lead.assigned',
        entityType: 'lead' as const,
        entityId: leadId,
        changes: { ownerId: [fromUserId, toUserId] },
      })),
    );
    return { reassigned: moved.length };
  });
}
