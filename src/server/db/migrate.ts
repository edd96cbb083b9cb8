import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as accounts from './migrations/2026_11_21_0001_accounts.ts';
import * as customers from './migrations/2026_11_21_0002_customers.ts';
import * as leads from './migrations/2026_11_21_0003_leads.ts';
import * as searchTimeline from './migrations/2026_11_21_0004_search_timeline.ts';
import * as leadTotals from './migrations/2026_11_21_0005_lead_totals.ts';
import * as accountSecurity from './migrations/2026_11_22_0006_account_security.ts';
import * as auditLog from './migrations/2026_11_22_0007_audit_log.ts';
import * as leadValueTotal from './migrations/2026_12_01_0008_lead_value_total.ts';

/** Listed statically so the same set runs from TypeScript sources and from the compiled build. */
const migrations: Record<string, Migration> = {
  '2026_11_21_0001_accounts': accounts,
  '2026_11_21_0002_customers': customers,
  '2026_11_21_0003_leads': leads,
  '2026_11_21_0004_search_timeline': searchTimeline,
  '2026_11_21_0005_lead_totals': leadTotals,
  '2026_11_22_0006_account_security': accountSecurity,
  '2026_11_22_0007_audit_log': auditLog,
  '2026_12_01_0008_lead_value_total': leadValueTotal,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

function migratorFor<T>(db: Kysely<T>, schema?: string) {
  return new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Undoes the latest migration (an operator's way back; tests use it to check backfills). */
export async function migrateDownOne<T>(db: Kysely<T>, schema?: string): Promise<void> {
  const { error } = await migratorFor(db, schema).migrateDown();
  if (error) throw new Error('Migrating down failed', { cause: error });
}

/** `schema`: PostgreSQL schema holding the migration bookkeeping (tests use one schema each). */
export async function migrateToLatest<T>(db: Kysely<T>, schema?: string): Promise<string[]> {
  const { error, results } = await migratorFor(db, schema).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}
