import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../connect.ts';

/**
 * The value of every lead together, kept in one row, and a limit on it: 10,000,000,000,000 in
 * currency units (10^15 minor units). Under it every total the API reports (a board column, a
 * pipeline value, a leaderboard row) is exact — in the databases' 64-bit integers and in a JSON
 * number with two decimals, which is exact only below 2^46 units (7 × 10^13). A write that would
 * raise the total past the limit fails with the constraint `lead_value_total_cap` (400 naming
 * `value`); a write that lowers it always passes, even on a database that was over the limit
 * before this migration.
 *
 * On PostgreSQL the row is changed by a BEFORE trigger, so a writer takes it before any
 * `lead_totals` cell (AFTER trigger): every transaction locks in that order and none deadlock.
 * Writes that change no value (moves, reassignments) do not touch it.
 */
const CAP_MINOR_UNITS = 1_000_000_000_000_000;
/** What an existing total is clamped to, should it already be past what a bigint holds. */
const BIGINT_CLAMP = '9000000000000000000';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lead_value_total')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('value', 'bigint', (col) => col.notNull())
    .execute();

  if (dialectOf(db) === 'postgres') {
    await sql`
      insert into lead_value_total (id, value)
      select 1, least(coalesce(sum(value), 0), ${sql.raw(BIGINT_CLAMP)}) from leads`.execute(db);
    await sql`
      create function lead_value_total_follow() returns trigger language plpgsql as $$
      declare
        delta bigint;
        total bigint;
      begin
        delta := case tg_op
          when 'INSERT' then new.value
          when 'DELETE' then -old.value
          else new.value - old.value
        end;
        if delta <> 0 then
          update lead_value_total set value = value + delta where id = 1 returning value into total;
          if total is null then
            raise exception 'lead_value_total has no row: the limit cannot be checked';
          end if;
          if delta > 0 and total > ${sql.raw(String(CAP_MINOR_UNITS))} then
            raise exception 'the value of all leads together would pass its limit'
              using errcode = 'check_violation', constraint = 'lead_value_total_cap';
          end if;
        end if;
        if tg_op = 'DELETE' then
          return old;
        end if;
        return new;
      end $$`.execute(db);
    await sql`
      create trigger leads_value_total before insert or delete or update of value on leads
      for each row execute function lead_value_total_follow()`.execute(db);
    return;
  }

  await sql`
    insert into lead_value_total (id, value)
    select 1, cast(min(total(value), ${sql.raw(BIGINT_CLAMP)}) as integer) from leads`.execute(db);
  const cap = sql.raw(String(CAP_MINOR_UNITS));
  // A missing row refuses too: the limit must never switch itself off.
  const overCap = sql`coalesce((select value from lead_value_total where id = 1), ${cap} + 1) > ${cap}`;
  const refuseOverCap = sql`select raise(ABORT, 'lead_value_total_cap') where ${overCap};`;
  await sql`
    create trigger leads_value_total_insert after insert on leads when new.value <> 0 begin
      update lead_value_total set value = value + new.value where id = 1;
      ${refuseOverCap}
    end`.execute(db);
  await sql`
    create trigger leads_value_total_delete after delete on leads when old.value <> 0 begin
      update lead_value_total set value = value - old.value where id = 1;
    end`.execute(db);
  await sql`
    create trigger leads_value_total_update after update of value on leads
    when new.value <> old.value begin
      update lead_value_total set value = value + new.value - old.value where id = 1;
      select raise(ABORT, 'lead_value_total_cap') where new.value > old.value and ${overCap};
    end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger leads_value_total on leads`.execute(db);
    await sql`drop function lead_value_total_follow()`.execute(db);
  } else {
    for (const trigger of ['insert', 'delete', 'update']) {
      await sql`drop trigger ${sql.raw(`leads_value_total_${trigger}`)}`.execute(db);
    }
  }
  await db.schema.dropTable('lead_value_total').execute();
}
