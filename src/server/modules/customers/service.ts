import type {
  CreateCustomerInput,
  Customer,
  CustomerPage,
  CustomerSortField,
  ListCustomersQuery,
  UpdateCustomerInput,
} from '../../../contracts/customers.ts';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { decodeCursor, encodeCursor, parseSort, type SortKeyKind } from '../../db/keyset.ts';
import type { Executor } from '../../db/types.ts';
import type { Actor } from '../../http/auth-guard.ts';
import { duplicateCustomer, fieldError, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/time.ts';
import { diffFields, recordAudit } from '../audit/repository.ts';
import { findUserById } from '../users/repository.ts';
import { authorizeCustomer, canOnCustomer, customerScope } from './policy.ts';
import { presentCustomer } from './presenter.ts';
import {
  type CustomerFilter,
  countCustomers,
  deleteCustomerRow,
  findCustomerById,
  findCustomerIdByEmail,
  insertCustomer,
  listCustomers,
  updateCustomerRow,
} from './repository.ts';

const CUSTOMER_EMAIL_INDEX = 'customers_email_unique';

const sortKeyKinds: Record<CustomerSortField, SortKeyKind> = {
  createdAt: 'timestamp',
  lastName: 'text',
  company: 'text',
};

export async function listCustomersFor(
  ctx: AppContext,
  actor: Actor,
  query: ListCustomersQuery,
): Promise<CustomerPage> {
  const canCreate = customerScope(actor, 'create') !== 'none';
  const filter: CustomerFilter = { ...(query.q ? { q: query.q } : {}) };
  if (customerScope(actor, 'read') === 'own') {
    // A sales user asking for someone else's customers gets an empty list, not a hint.
    if (query.ownerId && query.ownerId !== actor.id && query.ownerId !== 'me') {
      return { data: [], nextCursor: null, total: 0, canCreate };
    }
    filter.ownerId = actor.id;
  } else if (query.ownerId) {
    filter.ownerId = query.ownerId === 'me' ? actor.id : query.ownerId;
  }
  const sort = parseSort<CustomerSortField>(query.sort);
  const cursor = query.cursor ? decodeCursor(query.cursor, sortKeyKinds[sort.key]) : null;
  const [rows, total] = await Promise.all([
    listCustomers(ctx.db, filter, sort, query.limit, cursor),
    countCustomers(ctx.db, filter),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => presentCustomer(row, actor)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last[sort.key], last.id) : null,
    total,
    canCreate,
  };
}

/** The customer if the actor may see it; writers pass `forUpdate` (on PostgreSQL), as for leads. */
export async function loadVisibleCustomer(
  db: Executor,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean; forKeyShare?: boolean } = {},
) {
  const row = await findCustomerById(db, id, options);
  if (!row || !canOnCustomer(actor, 'read', row)) throw notFound('Customer');
  return row;
}

export async function getCustomer(ctx: AppContext, actor: Actor, id: string): Promise<Customer> {
  return presentCustomer(await loadVisibleCustomer(ctx.db, actor, id), actor);
}

/** Who owns a new or reassigned customer: sales users always themselves; others choose. */
async function resolveOwner(
  db: Executor,
  actor: Actor,
  requested: string | null | undefined,
): Promise<string | null> {
  if (customerScope(actor, 'assign') === 'none') return actor.id;
  if (requested === undefined) return actor.id;
  if (requested === null) return null;
  const owner = await findUserById(db, requested);
  if (!owner?.active) throw fieldError('ownerId', 'Choose an active user as the owner');
  return owner.id;
}

export async function ensureCustomerEmailFree(db: Executor, email: string, exceptId?: string) {
  const existing = await findCustomerIdByEmail(db, email, exceptId);
  if (existing) throw duplicateCustomer(existing.id);
}

/** Turns the unique index's refusal (a concurrent insert won the race) into the API's 409. */
export async function rethrowDuplicateCustomer(
  ctx: AppContext,
  error: unknown,
  email: string,
): Promise<never> {
  if (isUniqueViolation(error, CUSTOMER_EMAIL_INDEX)) {
    const existing = await findCustomerIdByEmail(ctx.db, email);
    if (existing) throw duplicateCustomer(existing.id);
  }
  throw error;
}

export async function createCustomer(
  ctx: AppContext,
  actor: Actor,
  input: CreateCustomerInput,
): Promise<Customer> {
  if (customerScope(actor, 'create') === 'none') {
    throw forbidden('Your role does not allow you to create customers.');
  }
  const { ownerId: requestedOwner, ...values } = input;
  const id = newId();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const ownerId = await resolveOwner(trx, actor, requestedOwner);
      await ensureCustomerEmailFree(trx, values.email);
      const now = nowIso();
      await insertCustomer(trx, {
        id,
        ...values,
        ownerId,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'customer.created',
        entityType: 'customer',
        entityId: id,
        changes: diffFields({}, { ...values, ownerId }),
      });
    });
  } catch (error) {
    await rethrowDuplicateCustomer(ctx, error, values.email);
  }
  return getCustomer(ctx, actor, id);
}

export async function updateCustomer(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateCustomerInput,
): Promise<Customer> {
  const { ownerId: requestedOwner, ...values } = input;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await loadVisibleCustomer(trx, actor, id, {
        forUpdate: ctx.dialect === 'postgres',
      });
      authorizeCustomer(actor, 'edit', before);
      const changes: Record<string, unknown> = { ...values };
      if (requestedOwner !== undefined && requestedOwner !== before.ownerId) {
        authorizeCustomer(actor, 'assign', before);
        changes.ownerId = await resolveOwner(trx, actor, requestedOwner);
      }
      if (values.email !== undefined) await ensureCustomerEmailFree(trx, values.email, id);
      const diff = diffFields(before, changes);
      if (Object.keys(diff).length === 0) return;
      const changed = Object.fromEntries(
        Object.entries(diff).map(([field, [, to]]) => [field, to]),
      );
      await updateCustomerRow(trx, id, { ...changed, updatedAt: nowIso() });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'customer.updated',
        entityType: 'customer',
        entityId: id,
        changes: diff,
      });
    });
  } catch (error) {
    await rethrowDuplicateCustomer(ctx, error, values.email ?? '');
  }
  return getCustomer(ctx, actor, id);
}

export async function deleteCustomer(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const customer = await loadVisibleCustomer(trx, actor, id, {
      forUpdate: ctx.dialect === 'postgres',
    });
    authorizeCustomer(actor, 'delete', customer);
    await deleteCustomerRow(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'customer.deleted',
      entityType: 'customer',
      entityId: id,
      changes: {
        email: [customer.email, null],
        name: [`${customer.firstName} ${customer.lastName}`, null],
      },
    });
  });
}
