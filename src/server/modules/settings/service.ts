import type { Kysely } from 'kysely';
import type { Settings } from '../../../contracts/users.ts';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/types.ts';
import { nowIso, toIso } from '../../lib/time.ts';
import { recordAudit } from '../audit/repository.ts';
import { getSettingsRow, updateSettingsRow } from './repository.ts';

export async function readSettings(db: Executor, allowSignupFromEnv: boolean): Promise<Settings> {
  const row = await getSettingsRow(db);
  return {
    allowSignup: allowSignupFromEnv || Boolean(row.allowSignup),
    allowSignupFromEnv,
    currency: row.currency,
    updatedAt: toIso(row.updatedAt),
  };
}

export async function isSignupAllowed(db: Executor, allowSignupFromEnv: boolean) {
  return allowSignupFromEnv || Boolean((await getSettingsRow(db)).allowSignup);
}

export async function changeSettings(
  db: Kysely<DB>,
  actorId: string,
  allowSignupFromEnv: boolean,
  changes: { allowSignup?: boolean; currency?: string },
): Promise<Settings> {
  return db.transaction().execute(async (trx) => {
    const before = await getSettingsRow(trx);
    const diff: Record<string, [unknown, unknown]> = {};
    if (changes.allowSignup !== undefined && changes.allowSignup !== Boolean(before.allowSignup)) {
      diff.allowSignup = [Boolean(before.allowSignup), changes.allowSignup];
    }
    if (changes.currency !== undefined && changes.currency !== before.currency) {
      diff.currency = [before.currency, changes.currency];
    }
    if (Object.keys(diff).length > 0) {
      await updateSettingsRow(trx, { ...changes, updatedAt: nowIso() });
      await recordAudit(trx, {
        actorId,
        action: 'settings.updated',
        entityType: 'settings',
        entityId: '1',
        changes: diff,
      });
    }
    return readSettings(trx, allowSignupFromEnv);
  });
}
