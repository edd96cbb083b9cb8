import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.ts';
import type { DB } from './schema.ts';

export type Dialect = DatabaseTarget['dialect'];

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL only: the schema to use (tests isolate themselves in a schema each). */
  searchPath?: string;
  poolSize?: number;
  /**
   * PostgreSQL only: told of every connection the server or the network ended (a restart, a
   * failover, a pooler, `idle_session_timeout`). The pool drops that connection and opens a new
   * one when needed; a query that was running on it fails with its error.
   */
  onConnectionError?: (error: Error) => void;
}

/** How long a request waits for a PostgreSQL connection before it fails (503). */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The database holds password hashes and every lead: a new data directory is made 700 and a new
 * file 600 before SQLite opens it (its -wal and -shm files take the file's mode), never readable
 * by the machine's other users. An existing directory or file keeps the mode its operator chose.
 */
function createPrivately(file: string) {
  const directory = path.dirname(file);
  if (!existsSync(directory)) mkdirSync(directory, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
}

export function connect(target: DatabaseTarget, options: ConnectOptions = {}): Database {
  if (target.dialect === 'sqlite') {
    if (target.file !== ':memory:') createPrivately(target.file);
    const sqlite = new SQLite(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma(target.synchronous === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // TCP keep-alive notices a connection whose server vanished without a word (a failover
    // that moves the address) instead of keeping it in the pool for good.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  const onConnectionError = options.onConnectionError ?? (() => undefined);
  // A connection that dies emits 'error' on its client and, while idle, on the pool too; an
  // 'error' event nobody listens to ends the process. So both always have a listener (the
  // client's reports it, the pool's would only repeat it).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', onConnectionError);
    // Money and counts come back as numbers, not strings: bigint (20) and numeric (1700).
    client.setTypeParser(20, (value: string) => Number(value));
    client.setTypeParser(1700, (value: string) => Number(value));
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export function dialectOf(db: Kysely<unknown>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
