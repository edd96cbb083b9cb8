import { type ColumnDataType, type Kysely, sql } from 'kysely';
import { dialectOf } from '../connect.ts';

/** Column types that differ between the dialects; everything else is written once. */
export function columnTypes(db: Kysely<unknown>) {
  const postgres = dialectOf(db) === 'postgres';
  return {
    timestamp: (postgres ? 'timestamptz' : 'text') as ColumnDataType,
    boolean: (postgres ? 'boolean' : 'integer') as ColumnDataType,
    true: postgres ? sql`true` : sql`1`,
    false: postgres ? sql`false` : sql`0`,
  };
}
