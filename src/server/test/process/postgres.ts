import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ScratchPostgres {
  databaseUrl: string;
  name: string;
  /** A query on the scratch database from outside the app (its own connection). */
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<Row[]>;
  dispose(): Promise<void>;
}

/** The server TEST_DATABASE_URL names; the process suites that need PostgreSQL skip without it. */
export const postgresServer = process.env.TEST_DATABASE_URL;

/**
 * A database of its own on the test server, as a fresh deployment has: the app processes under
 * test connect to it with a plain DATABASE_URL and migrate it themselves.
 */
export async function scratchPostgres(): Promise<ScratchPostgres> {
  if (!postgresServer) throw new Error('TEST_DATABASE_URL is not set');
  const name = `leadline_p_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresServer });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(postgresServer);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  return {
    databaseUrl,
    name,
    query: async (text, values) => (await pool.query(text, values)).rows,
    dispose: async () => {
      await pool.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
