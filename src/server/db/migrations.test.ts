import type { Insertable } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../lib/ids.ts';
import { nowIso } from '../lib/time.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../test/databases.ts';
import { isUniqueViolation } from './errors.ts';
import type { LeadsTable } from './schema.ts';

describe.each(testDialects())('the schema on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await t.dispose();
  });

  const lead = (overrides: Partial<Insertable<LeadsTable>> = {}) => {
    const now = nowIso();
    return {
      id: newId(),
      firstName: 'Lee',
      lastName: 'Dee',
      statusChangedAt: now,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    };
  };

  const customer = (leadId: string | null, email: string) => {
    const now = nowIso();
    return {
      id: newId(),
      firstName: 'C',
      lastName: 'D',
      email,
      leadId,
      phone: '',
      company: '',
      address: '',
      city: '',
      state: '',
      zipcode: '',
      country: '',
      createdAt: now,
      updatedAt: now,
    };
  };

  it('lets a lead become at most one customer', async () => {
    const { db } = t.database;
    const row = lead();
    await db.insertInto('leads').values(row).execute();
    await db.insertInto('customers').values(customer(row.id, 'one@example.com')).execute();
    const second = db.insertInto('customers').values(customer(row.id, 'two@example.com')).execute();
    await expect(second).rejects.toSatisfy((error) => isUniqueViolation(error));
    // Customers without a lead are not limited.
    await db.insertInto('customers').values(customer(null, 'three@example.com')).execute();
    await db.insertInto('customers').values(customer(null, 'four@example.com')).execute();
  });

  it('refuses unknown statuses and sources, and negative values', async () => {
    const { db } = t.database;
    await expect(
      db
        .insertInto('leads')
        .values(lead({ status: 'won' as never }))
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('leads')
        .values(lead({ source: 'carrier pigeon' as never }))
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('leads')
        .values(lead({ value: -1 }))
        .execute(),
    ).rejects.toThrow();
    const saved = lead({ value: 123456, source: 'referral' });
    await db.insertInto('leads').values(saved).execute();
    const back = await db
      .selectFrom('leads')
      .selectAll()
      .where('id', '=', saved.id)
      .executeTakeFirstOrThrow();
    expect(back).toMatchObject({ status: 'new', source: 'referral', value: 123456, ownerId: null });
  });
});
