import { hashPassword } from 'better-auth/crypto';
import { avatarUrlOf } from '../../../contracts/avatars.ts';
import type { CreateUserInput, Me, SetupInput } from '../../../contracts/users.ts';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { User } from '../../db/schema.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/time.ts';
import { canReadTeamAnalytics } from '../analytics/policy.ts';
import { canReadAuditLog } from '../audit/policy.ts';
import { diffFields, recordAudit } from '../audit/repository.ts';
import { customerScope } from '../customers/policy.ts';
import { leadScope } from '../leads/policy.ts';
import { canManageSettings } from '../settings/policy.ts';
import { lockSettings } from '../settings/repository.ts';
import { canManageUsers } from './policy.ts';
import {
  findUserByEmail,
  findUserById,
  hasAnyUser,
  insertUserWithPassword,
  lockUserById,
  updateUserProfile,
} from './repository.ts';

const emailTaken = () =>
  new AppError(409, 'conflict', 'A user with this email already exists.', {
    errors: [{ path: 'email', message: 'A user with this email already exists' }],
  });

export function presentMe(user: User): Me {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    title: user.title,
    phone: user.phone,
    avatarUrl: avatarUrlOf(user.id, user.avatarVersion),
    active: Boolean(user.active),
    can: {
      manageSettings: canManageSettings(user),
      manageUsers: canManageUsers(user),
      createCustomers: customerScope(user, 'create') !== 'none',
      createLeads: leadScope(user, 'create') !== 'none',
      readAllLeads: leadScope(user, 'read') === 'all',
      assignLeads: leadScope(user, 'assign') === 'all',
      viewTeamAnalytics: canReadTeamAnalytics(user),
      viewOwnAnalytics: leadScope(user, 'create') !== 'none',
      viewAuditLog: canReadAuditLog(user),
    },
  };
}

/** Creates a user with a password, as an admin, the CLI or first-run setup does. */
export async function createUser(
  ctx: AppContext,
  input: CreateUserInput,
  actorId: string | null,
  options: { onlyIfFirst?: boolean } = {},
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (options.onlyIfFirst) {
        await lockSettings(trx, ctx.dialect);
        if (await hasAnyUser(trx)) throw conflict('Leadline is already set up.');
      } else if (await findUserByEmail(trx, input.email)) {
        throw emailTaken();
      }
      await insertUserWithPassword(trx, { ...input, id, passwordHash, now: nowIso() });
      await recordAudit(trx, {
        actorId: actorId ?? id,
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        changes: { role: [null, input.role] },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  const user = await findUserById(ctx.db, id);
  if (!user) throw notFound('User');
  return user;
}

/** First run: the very first account becomes the admin; refused once anyone exists. */
export function setUpFirstAdmin(ctx: AppContext, input: SetupInput): Promise<User> {
  return createUser(ctx, { ...input, role: 'admin' }, null, { onlyIfFirst: true });
}

export async function needsSetup(ctx: AppContext): Promise<boolean> {
  return !(await hasAnyUser(ctx.db));
}

/**
 * Changes the user's own name, job title and phone ('' clears the last two); the change and its
 * `account.profile_updated` event land together, and nothing is written when nothing changed.
 */
export async function updateOwnProfile(
  ctx: AppContext,
  userId: string,
  input: { name?: string; title?: string; phone?: string },
): Promise<User> {
  // One transaction on the locked row: the diff is taken against what this change replaces,
  // so two edits of different fields cannot both think a field is already as asked.
  return ctx.db.transaction().execute(async (trx) => {
    const before = await lockUserById(trx, ctx.dialect, userId);
    if (!before) throw notFound('User');
    const changes = diffFields(
      { name: before.name, title: before.title, phone: before.phone },
      {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.title !== undefined ? { title: input.title || null } : {}),
        ...(input.phone !== undefined ? { phone: input.phone || null } : {}),
      },
    );
    if (Object.keys(changes).length === 0) return before;
    const after = Object.fromEntries(
      Object.entries(changes).map(([field, [, value]]) => [field, value]),
    ) as { name?: string; title?: string | null; phone?: string | null };
    await updateUserProfile(trx, userId, { ...after, updatedAt: nowIso() });
    await recordAudit(trx, {
      actorId: userId,
      action: 'account.profile_updated',
      entityType: 'user',
      entityId: userId,
      changes,
    });
    const updated = await findUserById(trx, userId);
    if (!updated) throw notFound('User');
    return updated;
  });
}
