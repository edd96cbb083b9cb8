import SQLite from 'better-sqlite3';
import pg from 'pg';

export interface LeadSnapshot {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  source: string;
  status: string;
  ownerId: string | null;
  value: number;
  customerId: string | null;
}

export interface TotalsCell {
  ownerKey: string;
  source: string;
  status: string;
  count: number;
  value: number;
}

/** What the crash checks read from the database, all of it from one snapshot. */
export interface DatabaseSnapshot {
  leads: LeadSnapshot[];
  customers: Array<{ id: string; email: string; leadId: string | null }>;
  activities: Array<{ id: string; subjectType: string; subjectId: string; body: string }>;
  audit: Array<{ action: string; entityType: string; entityId: string; changes: string | null }>;
  /** `lead_totals` as stored, and as the leads themselves group. */
  totals: TotalsCell[];
  grouped: TotalsCell[];
  valueTotal: number | null;
  valueSum: number;
  /** SQLite only: `pragma integrity_check` and `pragma foreign_key_check`. */
  integrity?: string[];
  foreignKeyViolations?: unknown[];
}

// Quoted camelCase columns read the same on both databases.
const QUERIES = {
  leads: `select id, email, "firstName", "lastName", source, status, "ownerId", value,
            "customerId" from leads`,
  customers: `select id, email, "leadId" from customers`,
  activities: `select id, "subjectType", "subjectId", body from activities`,
  audit: `select action, "entityType", "entityId", changes from audit_events
            where "entityType" in ('lead', 'customer')`,
  totals: `select "ownerKey", source, status, count, value from lead_totals`,
  grouped: `select coalesce("ownerId", '') as "ownerKey", source, status, count(*) as count,
              sum(value) as value
            from leads group by coalesce("ownerId", ''), source, status`,
  valueTotal: 'select value from lead_value_total where id = 1',
  valueSum: 'select coalesce(sum(value), 0) as value from leads',
} as const;

type Rows = Record<keyof typeof QUERIES, Array<Record<string, unknown>>>;

/** PostgreSQL answers bigint and numeric as strings; SQLite as numbers. */
const numeric = (value: unknown) => (value === null ? null : Number(value));

function shape(rows: Rows): DatabaseSnapshot {
  const cell = (row: Record<string, unknown>): TotalsCell => ({
    ownerKey: String(row.ownerKey),
    source: String(row.source),
    status: String(row.status),
    count: Number(row.count),
    value: Number(row.value),
  });
  return {
    leads: rows.leads.map((row) => ({
      ...(row as unknown as LeadSnapshot),
      value: Number(row.value),
    })),
    customers: rows.customers as DatabaseSnapshot['customers'],
    activities: rows.activities as DatabaseSnapshot['activities'],
    audit: rows.audit as DatabaseSnapshot['audit'],
    totals: rows.totals.map(cell),
    grouped: rows.grouped.map(cell),
    valueTotal: numeric(rows.valueTotal[0]?.value ?? null),
    valueSum: Number(rows.valueSum[0]?.value ?? 0),
  };
}

/**
 * Reads a SQLite file the server has open, in one read transaction (a snapshot even if a write
 * landed meanwhile), with its integrity and foreign-key checks.
 */
export function readSqlite(file: string): DatabaseSnapshot {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return sqlite.transaction(() => {
      const rows = Object.fromEntries(
        Object.entries(QUERIES).map(([name, query]) => [name, sqlite.prepare(query).all()]),
      ) as Rows;
      const integrity = (
        sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>
      ).map((row) => row.integrity_check);
      const foreignKeyViolations = sqlite.pragma('foreign_key_check') as unknown[];
      return { ...shape(rows), integrity, foreignKeyViolations };
    })();
  } finally {
    sqlite.close();
  }
}

/** Reads a PostgreSQL database in one repeatable-read transaction, on a connection of its own. */
export async function readPostgres(databaseUrl: string): Promise<DatabaseSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const rows: Partial<Rows> = {};
    for (const [name, query] of Object.entries(QUERIES)) {
      rows[name as keyof Rows] = (await client.query(query)).rows;
    }
    await client.query('commit');
    return shape(rows as Rows);
  } finally {
    await client.end();
  }
}
