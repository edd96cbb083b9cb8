import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Dialect } from './db/connect.ts';
import type { DB } from './db/schema.ts';

/** What services need from the running app: the database and the configuration. */
export interface AppContext {
  db: Kysely<DB>;
  dialect: Dialect;
  config: Config;
}
