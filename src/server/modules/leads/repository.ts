import type { Expression, ExpressionBuilder, Insertable, SqlBool, Updateable } from 'kysely';
import {
  type LeadSortField,
  type LeadSource,
  type LeadStatus,
  MAX_LEADS_TOTAL_VALUE,
} from '../../../contracts/leads.ts';
import { isCheckViolation } from '../../db/errors.ts';
import { afterCursor, type Sort } from '../../db/keyset.ts';
import type { DB, LeadsTable } from '../../db/schema.ts';
import type { Executor } from '../../db/types.ts';
import { fieldError } from '../../http/errors.ts';
import {
  countSingleWordMatches,
  matchesSearch,
  recentMatches,
  type SearchPlan,
  soleWord,
} from './search.ts';

export interface LeadFilter {
  /** A user id, or null for unassigned leads. Absent: every owner. */
  ownerId?: string | null;
  statuses?: LeadStatus[];
  sources?: LeadSource[];
  q?: string;
  /** How `q` is joined: see search.ts. */
  searchPlan?: SearchPlan;
}

const hasConditions = (filter: LeadFilter) =>
  filter.ownerId !== undefined ||
  Boolean(filter.statuses?.length) ||
  Boolean(filter.sources?.length) ||
  Boolean(filter.q);

function selectLeads(db: Executor) {
  return db
    .selectFrom('leads')
    .leftJoin('users as owner', 'owner.id', 'leads.ownerId')
    .selectAll('leads')
    .select(['owner.name as ownerName', 'owner.avatarVersion as ownerAvatarVersion']);
}

export type LeadRow = Awaited<ReturnType<typeof findLeadById>> & object;

/**
 * `forUpdate`: lock the lead's row until the transaction ends (PostgreSQL; SQLite has one
 * writer). `forKeyShare`: only keep it from being deleted meanwhile, as a foreign key would.
 */
export function findLeadById(
  db: Executor,
  id: string,
  { forUpdate = false, forKeyShare = false } = {},
) {
  return selectLeads(db)
    .where('leads.id', '=', id)
    .$if(forUpdate, (query) => query.forUpdate('leads'))
    .$if(forKeyShare && !forUpdate, (query) => query.forKeyShare('leads'))
    .executeTakeFirst();
}

/** The list's WHERE clause, shared by the page query and the count (which needs no join). */
function matching(filter: LeadFilter) {
  return (eb: ExpressionBuilder<DB, 'leads'>) => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.ownerId === null) conditions.push(eb('leads.ownerId', 'is', null));
    else if (filter.ownerId !== undefined)
      conditions.push(eb('leads.ownerId', '=', filter.ownerId));
    if (filter.statuses?.length) conditions.push(eb('leads.status', 'in', filter.statuses));
    if (filter.sources?.length) conditions.push(eb('leads.source', 'in', filter.sources));
    if (filter.q) conditions.push(matchesSearch(eb, filter.q, filter.searchPlan));
    return eb.and(conditions);
  };
}

export async function listLeads(
  db: Executor,
  filter: LeadFilter,
  sort: Sort<LeadSortField>,
  limit: number,
  cursor: [string | number, string] | null,
) {
  const word = soleWord(filter.q);
  if (word && sort.key === 'updatedAt' && !hasConditions({ ...filter, q: undefined })) {
    const ids = await recentMatches(db, word, sort.direction, limit + 1, cursor);
    return rowsInOrder(db, ids);
  }
  const key = `leads.${sort.key}` as const;
  // No WHERE at all for the unfiltered list: `where 1 = 1` would cost SQLite its fast count.
  let query = hasConditions(filter) ? selectLeads(db).where(matching(filter)) : selectLeads(db);
  if (cursor) {
    query = query.where((eb) =>
      afterCursor(eb.ref(key), eb.ref('leads.id'), sort.direction, cursor),
    );
  }
  return query
    .orderBy(key, sort.direction)
    .orderBy('leads.id', sort.direction)
    .limit(limit + 1)
    .execute();
}

/** The leads of these ids, in this order. */
async function rowsInOrder(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await selectLeads(db).where('leads.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function countLeads(db: Executor, filter: LeadFilter): Promise<number> {
  const { q, ...rest } = filter;
  if (!q) {
    const totals = await sumLeadTotals(db, rest);
    return totals.reduce((sum, row) => sum + Number(row.count), 0);
  }
  if (!hasConditions(rest)) {
    const count = await countSingleWordMatches(db, q);
    if (count !== null) return count;
  }
  const row = await db
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where(matching(filter))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Count and summed value (cents) of the matching leads per status. Without a search these come
 * from `lead_totals` (a few hundred rows, kept by triggers, so exact after every write); a search
 * groups the matching leads themselves.
 */
export async function totalsByStatus(db: Executor, filter: LeadFilter) {
  const rows = filter.q ? await groupMatchingLeads(db, filter) : await sumLeadTotals(db, filter);
  return new Map(
    rows.map((row) => [row.status, { count: Number(row.count), cents: Number(row.value ?? 0) }]),
  );
}

function sumLeadTotals(db: Executor, filter: LeadFilter) {
  let query = db
    .selectFrom('lead_totals')
    .select((eb) => [
      'status',
      eb.fn.sum<number>('count').as('count'),
      eb.fn.sum<number>('value').as('value'),
    ])
    .where('count', '>', 0)
    .groupBy('status');
  if (filter.ownerId !== undefined) query = query.where('ownerKey', '=', filter.ownerId ?? '');
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
  if (filter.sources?.length) query = query.where('source', 'in', filter.sources);
  return query.execute();
}

function groupMatchingLeads(db: Executor, filter: LeadFilter) {
  return db
    .selectFrom('leads')
    .select((eb) => [
      'leads.status',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('leads.value').as('value'),
    ])
    .where(matching(filter))
    .groupBy('leads.status')
    .execute();
}

/** The database refuses a value that takes all leads together past their limit (0008). */
function refusedOverValueCap(error: unknown): never {
  if (isCheckViolation(error, 'lead_value_total_cap')) {
    throw fieldError(
      'value',
      `All leads together may be worth at most ${MAX_LEADS_TOTAL_VALUE.toLocaleString('en-US')}; this value would pass that`,
    );
  }
  throw error;
}

export async function insertLead(db: Executor, lead: Insertable<LeadsTable>): Promise<void> {
  await db.insertInto('leads').values(lead).execute().catch(refusedOverValueCap);
}

export async function updateLeadRow(db: Executor, id: string, changes: Updateable<LeadsTable>) {
  await db
    .updateTable('leads')
    .set(changes)
    .where('id', '=', id)
    .execute()
    .catch(refusedOverValueCap);
}

/**
 * Marks a qualified lead converted, only if it still is qualified. The row lock this takes
 * (PostgreSQL) or the single writer (SQLite) lets exactly one of any number of racing
 * conversions see one updated row; the others wait, then see none.
 */
export async function claimForConversion(db: Executor, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('leads')
    .set({ status: 'converted', convertedAt: now, statusChangedAt: now, updatedAt: now })
    .where('id', '=', id)
    .where('status', '=', 'qualified')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteLeadRow(db: Executor, id: string) {
  await db.deleteFrom('leads').where('id', '=', id).execute();
}
