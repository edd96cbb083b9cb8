import type { Dialect } from '../../db/connect.ts';
import type { Executor } from '../../db/types.ts';
import { dbBool } from '../../lib/time.ts';

export function getSettingsRow(db: Executor) {
  return db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/**
 * Takes the settings row's lock for the rest of the transaction: the one place that
 * serialises rare global decisions (first-run setup) across app nodes on PostgreSQL.
 * SQLite transactions are already serialised by its single writer.
 */
export async function lockSettings(db: Executor, dialect: Dialect): Promise<void> {
  await db
    .selectFrom('settings')
    .select('id')
    .where('id', '=', 1)
    .$if(dialect === 'postgres', (query) => query.forUpdate())
    .execute();
}

export function updateSettingsRow(
  db: Executor,
  changes: { allowSignup?: boolean; currency?: string; updatedAt: string },
) {
  const { allowSignup, ...rest } = changes;
  return db
    .updateTable('settings')
    .set({ ...rest, ...(allowSignup === undefined ? {} : { allowSignup: dbBool(allowSignup) }) })
    .where('id', '=', 1)
    .execute();
}
