import type { Insertable } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../lib/ids.ts';
import { dbBool, nowIso } from '../lib/time.ts';
import { reassignOpenLeadsOf } from '../modules/users/repository.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../test/databases.ts';
import { isUniqueViolation } from './errors.ts';
import { migrateDownOne, migrateToLatest } from './migrate.ts';
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

  describe('lead_totals', () => {
    /** Non-empty cells, as the triggers keep them. */
    const cells = async () =>
      (
        await t.database.db
          .selectFrom('lead_totals')
          .select(['ownerKey', 'source', 'status', 'count', 'value'])
          .where('count', '<>', 0)
          .orderBy(['ownerKey', 'source', 'status'])
          .execute()
      ).map((row) => ({ ...row, count: Number(row.count), value: Number(row.value) }));
    /** The same cells computed from the leads themselves. */
    const expected = async () =>
      (
        await t.database.db
          .selectFrom('leads')
          .select((eb) => [
            eb.fn.coalesce('ownerId', eb.val('')).as('ownerKey'),
            'source',
            'status',
            eb.fn.countAll().as('count'),
            eb.fn.sum('value').as('value'),
          ])
          .groupBy(['ownerId', 'source', 'status'])
          .orderBy(['ownerKey', 'source', 'status'])
          .execute()
      ).map((row) => ({ ...row, count: Number(row.count), value: Number(row.value) }));
    const writes = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('lead_totals')
            .select((eb) => eb.fn.sum('writes').as('writes'))
            .executeTakeFirstOrThrow()
        ).writes ?? 0,
      );
    const user = async (id: string) => {
      const now = nowIso();
      await t.database.db
        .insertInto('users')
        .values({
          id,
          email: `${id}@example.com`,
          name: id,
          role: 'sales',
          active: dbBool(true),
          emailVerified: dbBool(false),
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    };

    it('follows every insert, update and delete of a lead, and every write bumps the version', async () => {
      const { db } = t.database;
      await user('ann');
      await user('bob');
      const a = lead({ ownerId: 'ann', value: 1000, source: 'event' });
      const b = lead({ ownerId: 'ann', value: 250 });
      const c = lead({ value: 75, status: 'contacted' });
      for (const row of [a, b, c]) await db.insertInto('leads').values(row).execute();
      expect(await cells()).toEqual(await expected());
      const versions = [await writes()];
      const steps = [
        () => db.updateTable('leads').set({ status: 'qualified' }).where('id', '=', a.id),
        () => db.updateTable('leads').set({ ownerId: 'bob', value: 5000 }).where('id', '=', b.id),
        () => db.updateTable('leads').set({ source: 'website' }).where('id', '=', c.id),
        () =>
          db
            .updateTable('leads')
            .set({ status: 'converted', convertedAt: nowIso() })
            .where('id', '=', a.id),
        () => db.deleteFrom('leads').where('id', '=', c.id),
        // Deleting a user unassigns their leads (on delete set null): a write to those leads too.
        () => db.deleteFrom('users').where('id', '=', 'bob'),
      ];
      for (const step of steps) {
        await step().execute();
        expect(await cells()).toEqual(await expected());
        versions.push(await writes());
        expect(versions.at(-1)).toBeGreaterThan(versions.at(-2) ?? 0);
      }
      expect(await cells()).toEqual([
        { ownerKey: '', source: 'other', status: 'new', count: 1, value: 5000 },
        { ownerKey: 'ann', source: 'event', status: 'converted', count: 1, value: 1000 },
      ]);
    });

    it('stays exact under concurrent moves in opposite directions, without deadlocks', async () => {
      const { db } = t.database;
      await user('ann');
      const leads = Array.from({ length: 8 }, (_, index) =>
        lead({ ownerId: 'ann', value: 100, status: index % 2 ? 'contacted' : 'new' }),
      );
      for (const row of leads) await db.insertInto('leads').values(row).execute();
      // Each round moves half the leads new → contacted and the other half back, at once.
      for (let round = 0; round < 10; round += 1) {
        await Promise.all(
          leads.map((row, index) => {
            const status = (index + round) % 2 ? 'new' : 'contacted';
            return db
              .transaction()
              .execute((trx) =>
                trx.updateTable('leads').set({ status }).where('id', '=', row.id).execute(),
              );
          }),
        );
      }
      expect(await cells()).toEqual(await expected());
      expect(await cells()).toEqual([
        { ownerKey: 'ann', source: 'other', status: 'contacted', count: 4, value: 400 },
        { ownerKey: 'ann', source: 'other', status: 'new', count: 4, value: 400 },
      ]);
    });

    it('lets a reassignment and moves of the new owner’s leads run together, without deadlocks', async () => {
      if (dialect !== 'postgres') return; // SQLite has one writer: nothing to interleave
      const { db } = t.database;
      await user('ann');
      await user('bob');
      // Ann's leads, website ones first: the reassignment meets them in that order, so row by
      // row it would take Bob's website cell before his event cell, against the key order.
      const start = Date.parse('2026-01-01T00:00:00Z');
      const rows = Array.from({ length: 4000 }, (_, index) => {
        const at = new Date(start + index * 1000).toISOString();
        const source = index < 2000 ? 'website' : 'event';
        return lead({ ownerId: 'ann', source, createdAt: at, updatedAt: at, statusChangedAt: at });
      });
      for (let index = 0; index < rows.length; index += 500) {
        await db
          .insertInto('leads')
          .values(rows.slice(index, index + 500))
          .execute();
      }
      // Bob's own lead, moved from source to source: each move takes his event cell, then his
      // website cell (key order).
      const bobs = lead({ ownerId: 'bob', source: 'event' });
      await db.insertInto('leads').values(bobs).execute();

      let reassigning = true;
      const reassignment = db
        .transaction()
        .execute((trx) => reassignOpenLeadsOf(trx, dialect, 'ann', 'bob', nowIso()))
        .finally(() => {
          reassigning = false;
        });
      const moves = (async () => {
        for (let move = 0; reassigning || move < 2; move += 1) {
          await db.transaction().execute((trx) =>
            trx
              .updateTable('leads')
              .set({ source: move % 2 ? 'event' : 'website' })
              .where('id', '=', bobs.id)
              .execute(),
          );
        }
      })();
      const [moved] = await Promise.all([reassignment, moves]);
      expect(moved).toHaveLength(4000);
      expect(await cells()).toEqual(await expected());
    });

    it('is filled from the leads already there when the migration runs', async () => {
      const { db } = t.database;
      await user('ann');
      await migrateDownOne(db, t.schema);
      for (const row of [
        lead({ ownerId: 'ann', value: 10 }),
        lead({ value: 20 }),
        lead({ value: 30 }),
      ]) {
        await db.insertInto('leads').values(row).execute();
      }
      await migrateToLatest(db, t.schema);
      expect(await cells()).toEqual([
        { ownerKey: '', source: 'other', status: 'new', count: 2, value: 50 },
        { ownerKey: 'ann', source: 'other', status: 'new', count: 1, value: 10 },
      ]);
    });
  });
});
