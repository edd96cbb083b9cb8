import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** What repositories accept: the database itself or a transaction in progress. */
export type Executor = Kysely<DB> | Transaction<DB>;
