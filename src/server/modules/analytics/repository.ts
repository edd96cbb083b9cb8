import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';
import type { LeadSource, LeadStatus } from '../../../contracts/leads.ts';
import type { Dialect } from '../../db/connect.ts';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/types.ts';

/** Which leads a summary covers: created in [start, end), of one owner (null: unassigned) or all. */
export interface LeadSet {
  /** Absent: every owner. */
  ownerId?: string | null;
  /** ISO instants; `start` inclusive, `end` exclusive. */
  start: string;
  end: string;
}

function ofOwner(eb: ExpressionBuilder<DB, 'leads'>, ownerId: string | null) {
  return ownerId === null ? eb('ownerId', 'is', null) : eb('ownerId', '=', ownerId);
}

function inSet(set: LeadSet) {
  return (eb: ExpressionBuilder<DB, 'leads'>) =>
    eb.and([
      ...(set.ownerId === undefined ? [] : [ofOwner(eb, set.ownerId)]),
      eb('createdAt', '>=', set.start),
      eb('createdAt', '<', set.end),
    ]);
}

/** The UTC day (`YYYY-MM-DD`) of a timestamp column. */
function dayOf(dialect: Dialect, column: 'createdAt' | 'convertedAt'): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD')`
    : sql<string>`substr(${sql.ref(column)}, 1, 10)`;
}

/** Days from creation to conversion, with fractions (null for leads not converted). */
function daysToConversion(dialect: Dialect): RawBuilder<number | null> {
  // The CASE spares SQLite parsing two dates of every lead that never converted.
  return dialect === 'postgres'
    ? sql<number | null>`extract(epoch from ("convertedAt" - "createdAt")) / 86400.0`
    : sql<number | null>`case when "convertedAt" is not null
        then julianday("convertedAt") - julianday("createdAt") end`;
}

export interface Cell {
  ownerId: string | null;
  source: LeadSource;
  status: LeadStatus;
  count: number;
  /** Cents. */
  value: number;
  /** Summed over the converted leads of the cell. */
  conversionDays: number;
}

/** The set's leads grouped by owner, source and status: every figure but the trend comes from these. */
export async function cellsOf(db: Executor, dialect: Dialect, set: LeadSet): Promise<Cell[]> {
  const rows = await db
    .selectFrom('leads')
    .select((eb) => [
      'ownerId',
      'source',
      'status',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('value').as('value'),
      eb.fn.sum<number | null>(daysToConversion(dialect)).as('conversionDays'),
    ])
    .where(inSet(set))
    .groupBy(['ownerId', 'source', 'status'])
    .execute();
  return rows.map((row) => ({
    ownerId: row.ownerId,
    source: row.source,
    status: row.status,
    count: Number(row.count),
    value: Number(row.value ?? 0),
    conversionDays: Number(row.conversionDays ?? 0),
  }));
}

/** How many of the set's leads were created, or converted, on each day. */
export async function countsByDay(
  db: Executor,
  dialect: Dialect,
  set: LeadSet,
  column: 'createdAt' | 'convertedAt',
): Promise<{ day: string; count: number }[]> {
  const day = dayOf(dialect, column);
  let query = db
    .selectFrom('leads')
    .select((eb) => [day.as('day'), eb.fn.countAll<number>().as('count')])
    .where(inSet(set));
  if (column === 'convertedAt') query = query.where('convertedAt', 'is not', null);
  const rows = await query.groupBy(day).execute();
  return rows.map((row) => ({ day: row.day, count: Number(row.count) }));
}

/** When the owner's (or anyone's) first lead was created; null without leads. */
export async function firstCreatedAt(
  db: Executor,
  ownerId: string | null | undefined,
): Promise<Date | null> {
  let query = db.selectFrom('leads').select((eb) => eb.fn.min('createdAt').as('first'));
  if (ownerId !== undefined) query = query.where((eb) => ofOwner(eb, ownerId));
  const row = await query.executeTakeFirst();
  return row?.first ? new Date(row.first) : null;
}

/**
 * A number that grows with every write to the owner's (or anyone's) leads' owner, source,
 * status, value, creation or conversion time: `lead_totals.writes`, kept by triggers (migration 0005).
 */
export async function versionOf(db: Executor, ownerId: string | null | undefined): Promise<string> {
  let query = db.selectFrom('lead_totals').select((eb) => eb.fn.sum<number>('writes').as('writes'));
  if (ownerId !== undefined) query = query.where('ownerKey', '=', ownerId ?? '');
  const row = await query.executeTakeFirst();
  return String(row?.writes ?? 0);
}

/** Owners' names and picture versions, read fresh (never cached with the figures). */
export async function ownersOf(
  db: Executor,
  ids: string[],
): Promise<{ names: Map<string, string>; avatarVersions: Map<string, string | null> }> {
  if (ids.length === 0) return { names: new Map(), avatarVersions: new Map() };
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'avatarVersion'])
    .where('id', 'in', ids)
    .execute();
  return {
    names: new Map(rows.map((row) => [row.id, row.name])),
    avatarVersions: new Map(rows.map((row) => [row.id, row.avatarVersion])),
  };
}
