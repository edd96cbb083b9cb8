import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { CustomerSortField } from '../../../contracts/customers.ts';
import { afterCursor, containsAny, type Sort } from '../../db/keyset.ts';
import type { CustomerUpdate, DB, NewCustomer } from '../../db/schema.ts';
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
    .leftJoin('leads as lead', 'lead.id', 'customers.leadId')
    .selectAll('customers')
    .select([
      'owner.name as ownerName',
      'owner.avatarVersion as ownerAvatarVersion',
      'lead.firstName as leadFirstName',
      'lead.lastName as leadLastName',
    ]);
}

export type CustomerRow = Awaited<ReturnType<typeof findCustomerById>> & object;

/** `forUpdate` and `forKeyShare` lock the row as in findLeadById (PostgreSQL). */
export function findCustomerById(
  db: Executor,
  id: string,
  { forUpdate = false, forKeyShare = false } = {},
) {
  return selectCustomers(db)
    .where('customers.id', '=', id)
    .$if(forUpdate, (query) => query.forUpdate('customers'))
    .$if(forKeyShare && !forUpdate, (query) => query.forKeyShare('customers'))
    .executeTakeFirst();
}

export function findCustomerIdByEmail(db: Executor, email: string, exceptId?: string) {
  return db
    .selectFrom('customers')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .$if(exceptId !== undefined, (query) => query.where('id', '!=', exceptId as string))
    .executeTakeFirst();
}

/** The list's WHERE clause, shared by the page query and the count (which needs no join). */
function matching(filter: CustomerFilter) {
  return (eb: ExpressionBuilder<DB, 'customers'>) => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.ownerId !== undefined) {
      conditions.push(eb('customers.ownerId', '=', filter.ownerId));
    }
    if (filter.q) {
      conditions.push(
        containsAny(
          eb,
          [
            sql`${eb.ref('customers.firstName')} || ' ' || ${eb.ref('customers.lastName')}`,
            eb.ref('customers.email'),
            eb.ref('customers.company'),
            eb.ref('customers.phone'),
          ],
          filter.q,
        ),
      );
    }
    return eb.and(conditions);
  };
}

export async function listCustomers(
  db: Executor,
  filter: CustomerFilter,
  sort: Sort<CustomerSortField>,
  limit: number,
  cursor: [string | number, string] | null,
) {
  const key = `customers.${sort.key}` as const;
  let query = selectCustomers(db).where(matching(filter));
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
  const row = await db
    .selectFrom('customers')
    .where(matching(filter))
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
