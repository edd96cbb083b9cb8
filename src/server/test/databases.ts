import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type Database, type Dialect } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

export interface TestDatabase {
  database: Database;
  /** The PostgreSQL schema holding it (and its migration bookkeeping). */
  schema?: string;
  /** Drops everything the test created. */
  dispose(): Promise<void>;
}

/** SQLite always; PostgreSQL when TEST_DATABASE_URL names a server (CI makes it mandatory). */
export function testDialects(): Dialect[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

let counter = 0;

/**
 * Kysely's migrator lists every table of the database (all schemas) before it migrates; a
 * schema another test drops in that moment makes the listing fail with "schema … does not
 * exist". Migrations hold this advisory lock shared, drops take it alone.
 */
const SCHEMA_LOCK = 7_262_611;

/** A fresh, migrated database of its own: a temporary SQLite file, or a PostgreSQL schema. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadline-test-'));
    const database = connect({ dialect: 'sqlite', file: path.join(dir, 'test.db') });
    await migrateToLatest(database.db);
    return {
      database,
      dispose: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const connectionString = process.env.TEST_DATABASE_URL;
  if (!connectionString) throw new Error('TEST_DATABASE_URL is not set');
  counter += 1;
  const schema = `t_${process.pid}_${randomBytes(6).toString('hex')}_${counter}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  const database = connect({ dialect: 'postgres', connectionString }, { searchPath: schema });
  await admin.query('select pg_advisory_lock_shared($1)', [SCHEMA_LOCK]);
  try {
    await migrateToLatest(database.db, schema);
  } finally {
    await admin.query('select pg_advisory_unlock_shared($1)', [SCHEMA_LOCK]);
  }
  return {
    database,
    schema,
    dispose: async () => {
      await database.close();
      await admin.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
      await admin.query(`drop schema "${schema}" cascade`);
      await admin.end();
    },
  };
}
