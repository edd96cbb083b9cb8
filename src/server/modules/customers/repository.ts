import { sql } from 'kysely';
import type { CustomerSortField } from '../../../contracts/customers.ts';
import { afterCursor, containsAny, type Sort } from '../../db/keyset.ts';
import type { CustomerUpdate, NewCustomer } from '../../db/schema.ts';
import type { Executor } from '../../db/types.ts';

export interface CustomerFilter {
  /** Only customers owned by this user (a sales user's scope, or an explicit filter). */
  ownerId?: string;
  q?: string;
}

function selectCustomers(db: Executor) {
  return db
    .selectFrom('customers')
    .leftJoin('users as owner', 'owner.id', 'customers.ownerId')
    .selectAll('customers')
    .select(['owner.name as ownerName']);
}

export type CustomerRow = Awaited<ReturnType<typeof findCustomerById>> & object;

export function findCustomerById(db: Executor, id: string) {
  return selectCustomers(db).where('customers.id', '=', id).executeTakeFirst();
}

export function findCustomerIdByEmail(db: Executor, email: string, exceptId?: string) {
  return db
    .selectFrom('customers')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .$if(exceptId !== undefined, (query) => query.where('id', '!=', exceptId as string))
    .executeTakeFirst();
}

function applyFilter<Q extends ReturnType<typeof selectCustomers>>(
  query: Q,
  filter: CustomerFilter,
) {
  let filtered = query;
  if (filter.ownerId !== undefined) {
    filtered = filtered.where('customers.ownerId', '=', filter.ownerId) as Q;
  }
  if (filter.q) {
    const q = filter.q;
    filtered = filtered.where((eb) =>
      containsAny(
        eb,
        [
          sql`${eb.ref('customers.firstName')} || ' ' || ${eb.ref('customers.lastName')}`,
          eb.ref('customers.email'),
          eb.ref('customers.company'),
          eb.ref('customers.phone'),
        ],
        q,
      ),
    ) as Q;
  }
  return filtered;
}

export async function listCustomers(
  db: Executor,
  filter: CustomerFilter,
  sort: Sort<CustomerSortField>,
  limit: number,
  cursor: [string | number, string] | null,
) {
  const key = `customers.${sort.key}` as const;
  let query = applyFilter(selectCustomers(db), filter);
  if (cursor) {
    query = query.where((eb) =>
      afterCursor(eb.ref(key), eb.ref('customers.id'), sort.direction, cursor),
    );
  }
  return query
    .orderBy(key, sort.direction)
    .orderBy('customers.id', sort.direction)
    .limit(limit + 1)
    .execute();
}

export async function countCustomers(db: Executor, filter: CustomerFilter): Promise<number> {
  const row = await applyFilter(selectCustomers(db), filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertCustomer(db: Executor, customer: NewCustomer): Promise<void> {
  await db.insertInto('customers').values(customer).execute();
}

export async function updateCustomerRow(db: Executor, id: string, changes: CustomerUpdate) {
  await db.updateTable('customers').set(changes).where('id', '=', id).execute();
}

export async function deleteCustomerRow(db: Executor, id: string) {
  await db.deleteFrom('customers').where('id', '=', id).execute();
}
