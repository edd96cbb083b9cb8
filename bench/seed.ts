import { rmSync } from 'node:fs';
import { hashPassword } from 'better-auth/crypto';
import { sql } from 'kysely';
import { connect, type Database } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import type { Executor } from '../src/server/db/types.ts';
import { type LeadBatch, LeadFactory } from './lead-factory.ts';
import {
  type BenchDatabase,
  benchDatabase,
  displayUrl,
  parseFlags,
  positiveInteger,
} from './options.ts';
import { Random } from './random.ts';
import { BENCH_PASSWORD, generateTeam, type TeamMember } from './team.ts';
import { DAY_MS } from './text.ts';

const USAGE = `Usage: npm run bench:seed -- [options]

Fills a fresh database with a realistic Leadline data set: 30 users, leads in every status
(converted ones with their customer), extra customers, activities, audit events and the lead
search index, then runs ANALYZE (VACUUM ANALYZE on PostgreSQL). The same --seed and --leads
give the same data.

Options:
  --leads <n>            leads to create (default 100000)
  --seed <n>             pseudo-random seed (default 1)
  --database-url <url>   file:<path> for SQLite or postgres://user@host:port/db
                         (default file:data/bench.db, deleted and recreated on every run)
  --reset                wipe a --database-url that already holds data: deletes the SQLite
                         file, or drops and recreates the PostgreSQL "public" schema
  -h, --help             show this text

Every user signs in with the password "${BENCH_PASSWORD}".`;

/** Leads per transaction: big enough to amortise commits, small enough to keep memory flat. */
const LEADS_PER_TRANSACTION = 10_000;
const BULK_TABLES = ['leads', 'lead_search', 'customers', 'activities', 'audit_events'];
/** Bound parameters per INSERT, well under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 16_000;

function parseOptions() {
  const values = parseFlags(
    {
      leads: { type: 'string' },
      seed: { type: 'string' },
      'database-url': { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
    USAGE,
  );
  return {
    leads: positiveInteger('leads', values.leads, 100_000, USAGE),
    seed: positiveInteger('seed', values.seed, 1, USAGE),
    database: benchDatabase(values['database-url'], USAGE),
    reset: values.reset,
  };
}

/** Starts from nothing, refusing to wipe a database the caller did not hand over for it. */
async function openEmpty(bench: BenchDatabase, reset: boolean): Promise<Database> {
  const { target } = bench;
  if (target.dialect === 'sqlite' && (bench.isDefault || reset)) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target.file}${suffix}`, { force: true });
  }
  const database = connect(target, { poolSize: 4 });
  if (target.dialect === 'postgres' && reset) {
    await sql`drop schema if exists public cascade`.execute(database.db);
    await sql`create schema public`.execute(database.db);
  }
  if (target.dialect === 'sqlite') {
    // The indexes of a 100k-lead set outgrow SQLite's 2 MB default page cache many times over,
    // and random index inserts then go to disk; this session only, the app keeps its defaults.
    await sql`pragma cache_size = -1048576`.execute(database.db);
  }
  const tables = await database.db.introspection.getTables();
  if (tables.length > 0) {
    await database.close();
    const where = target.dialect === 'sqlite' ? target.file : displayUrl(bench.url);
    throw new Error(`${where} already holds tables; pass --reset to wipe it first.`);
  }
  return database;
}

function slices<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}

interface IndexDefinition {
  name: string;
  definition: string;
}

/**
 * The non-unique indexes of the bulk-loaded tables, exactly as the migrations created them.
 * Loading without them and rebuilding them after (a sort each) is several times faster than
 * millions of random B-tree inserts; unique indexes stay, so their invariants hold throughout.
 */
async function secondaryIndexes(database: Database): Promise<IndexDefinition[]> {
  const tables = sql.join(BULK_TABLES);
  const { rows } =
    database.dialect === 'sqlite'
      ? await sql<IndexDefinition>`
          select name, sql as definition from sqlite_master
          where type = 'index' and sql is not null and tbl_name in (${tables})`.execute(database.db)
      : await sql<IndexDefinition>`
          select indexname as name, indexdef as definition from pg_indexes
          where schemaname = current_schema() and tablename in (${tables})`.execute(database.db);
  return rows.filter((index) => !/^create\s+unique\s/i.test(index.definition));
}

async function insertLeadBatch(db: Executor, batch: LeadBatch): Promise<void> {
  for (const rows of slices(batch.leads, 19)) await db.insertInto('leads').values(rows).execute();
  for (const rows of slices(batch.customers, 16)) {
    await db.insertInto('customers').values(rows).execute();
  }
  for (const rows of slices(batch.search, 2)) {
    await db.insertInto('lead_search').values(rows).execute();
  }
  for (const rows of slices(batch.activities, 9)) {
    await db.insertInto('activities').values(rows).execute();
  }
  for (const rows of slices(batch.audit, 7)) {
    await db.insertInto('audit_events').values(rows).execute();
  }
}

async function count(
  database: Database,
  table: 'users' | 'leads' | 'customers' | 'lead_search' | 'activities' | 'audit_events',
) {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function summary(database: Database) {
  const byStatus = await database.db
    .selectFrom('leads')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .orderBy('status')
    .execute();
  const unassigned = await database.db
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ownerId', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    users: await count(database, 'users'),
    leads: await count(database, 'leads'),
    customers: await count(database, 'customers'),
    activities: await count(database, 'activities'),
    auditEvents: await count(database, 'audit_events'),
    searchRows: await count(database, 'lead_search'),
    unassigned: Number(unassigned.count),
    byStatus: byStatus.map((row) => `${row.status} ${Number(row.count)}`).join(', '),
  };
}

const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);

function signInHints(members: TeamMember[]): string {
  const first = (role: TeamMember['role']) =>
    members.find((member) => member.role === role && member.active)?.email ?? '(none)';
  return [
    `  admin    ${first('admin')}`,
    `  manager  ${first('manager')}`,
    `  sales    ${first('sales')}`,
    `  viewer   ${first('viewer')}`,
    `  password ${BENCH_PASSWORD} (every user)`,
  ].join('\n');
}

async function main() {
  const options = parseOptions();
  const started = performance.now();
  const database = await openEmpty(options.database, options.reset);
  try {
    await migrateToLatest(database.db);
    const random = new Random(options.seed);
    // Timestamps count back from the start of today (UTC), so a day's runs are identical.
    const anchorMs = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    // scrypt is slow on purpose: hash once, share the hash among the 30 users.
    const team = generateTeam(random, anchorMs, await hashPassword(BENCH_PASSWORD));
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(team.users).execute();
      await trx.insertInto('accounts').values(team.accounts).execute();
    });

    const indexes = await secondaryIndexes(database);
    for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(database.db);

    const factory = new LeadFactory(random, team.members, anchorMs, options.leads);
    const progress = process.stderr.isTTY;
    for (let done = 0; done < options.leads; done += LEADS_PER_TRANSACTION) {
      await database.db.transaction().execute(async (trx) => {
        const end = Math.min(done + LEADS_PER_TRANSACTION, options.leads);
        for (let batchStart = done; batchStart < end; batchStart += 2_000) {
          await insertLeadBatch(trx, factory.batch(Math.min(2_000, end - batchStart)));
        }
      });
      if (progress) {
        const loaded = Math.min(done + LEADS_PER_TRANSACTION, options.leads);
        process.stderr.write(`\r  leads ${loaded}/${options.leads}`);
      }
    }
    if (progress) process.stderr.write('\n');
    const extra = factory.extraCustomers(Math.round(options.leads * 0.03));
    await database.db.transaction().execute(async (trx) => {
      for (const rows of slices(extra.customers, 16)) {
        await trx.insertInto('customers').values(rows).execute();
      }
      for (const rows of slices(extra.audit, 7)) {
        await trx.insertInto('audit_events').values(rows).execute();
      }
    });
    // The lead → customer link, now that both rows exist.
    await database.db
      .updateTable('leads')
      .set((eb) => ({
        customerId: eb
          .selectFrom('customers')
          .select('customers.id')
          .whereRef('customers.leadId', '=', 'leads.id'),
      }))
      .where('status', '=', 'converted')
      .execute();
    const loaded = performance.now();

    for (const index of indexes) await sql.raw(index.definition).execute(database.db);
    const indexed = performance.now();
    // PostgreSQL: a bulk-loaded table has no visibility map until vacuumed, so counts could not
    // use index-only scans; VACUUM gives the steady state autovacuum keeps in production.
    await (database.dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(
      database.db,
    );
    if (database.dialect === 'sqlite')
      await sql`pragma wal_checkpoint(truncate)`.execute(database.db);
    const finished = performance.now();

    const counts = await summary(database);
    const where =
      options.database.target.dialect === 'sqlite'
        ? options.database.target.file
        : displayUrl(options.database.url);
    console.log(
      [
        `Seeded ${where} (${database.dialect}, seed ${options.seed}) in ${seconds(started, finished)} s`,
        `  (loading ${seconds(started, loaded)} s, building ${indexes.length} indexes ${seconds(loaded, indexed)} s, ${database.dialect === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'} ${seconds(indexed, finished)} s)`,
        `  users ${counts.users}, leads ${counts.leads} (${counts.byStatus}; unassigned ${counts.unassigned})`,
        `  customers ${counts.customers}, activities ${counts.activities}, audit events ${counts.auditEvents}, search rows ${counts.searchRows}`,
        'Sign in as:',
        signInHints(team.members),
      ].join('\n'),
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `bench:seed failed: ${error.message}` : error);
  if (error instanceof Error && error.cause) console.error(error.cause);
  process.exitCode = 1;
});
