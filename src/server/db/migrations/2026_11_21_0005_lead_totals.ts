import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../connect.ts';

/**
 * Per-status totals that never go stale, and indexes for the analytics.
 *
 * `lead_totals` holds, for every (owner, source, status), how many leads there are and their
 * summed value, kept by triggers on `leads` in the same transaction as every write. The board's
 * column totals read a few hundred of these rows instead of grouping every lead. `writes` only
 * grows: every write to a lead's owner, source, status, value, creation or conversion time adds
 * one, so the sum over some rows is a version of those leads' figures, under which analytics
 * caches its summaries. An unassigned lead's owner key is '' (a key column cannot be null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('lead_totals')
    .addColumn('ownerKey', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('count', 'bigint', (col) => col.notNull())
    .addColumn('value', 'bigint', (col) => col.notNull())
    .addColumn('writes', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('lead_totals_pkey', ['ownerKey', 'source', 'status'])
    .execute();
  await sql`
    insert into lead_totals ("ownerKey", source, status, count, value, writes)
    select coalesce("ownerId", ''), source, status, count(*), sum(value), count(*)
    from leads group by coalesce("ownerId", ''), source, status`.execute(db);

  if (postgres) {
    // Two cells are changed in key order, so two moves in opposite directions cannot deadlock.
    await sql`
      create function lead_totals_follow() returns trigger language plpgsql as $$
      declare
        old_first boolean := true;
      begin
        if tg_op = 'UPDATE' then
          old_first := row(coalesce(old."ownerId", ''), old.source, old.status)
            <= row(coalesce(new."ownerId", ''), new.source, new.status);
        end if;
        if tg_op = 'UPDATE' and not old_first then
          perform lead_totals_add(new."ownerId", new.source, new.status, 1, new.value);
        end if;
        if tg_op in ('UPDATE', 'DELETE') then
          perform lead_totals_add(old."ownerId", old.source, old.status, -1, -old.value);
        end if;
        if tg_op = 'INSERT' or (tg_op = 'UPDATE' and old_first) then
          perform lead_totals_add(new."ownerId", new.source, new.status, 1, new.value);
        end if;
        return null;
      end $$`.execute(db);
    await sql`
      create function lead_totals_add(owner text, lead_source text, lead_status text,
                                      delta bigint, delta_value bigint) returns void
      language sql as $$
        insert into lead_totals ("ownerKey", source, status, count, value, writes)
        values (coalesce(owner, ''), lead_source, lead_status, delta, delta_value, 1)
        on conflict ("ownerKey", source, status) do update
        set count = lead_totals.count + excluded.count,
            value = lead_totals.value + excluded.value,
            writes = lead_totals.writes + 1
      $$`.execute(db);
    await sql`
      create trigger leads_totals after insert or delete
        or update of "ownerId", source, status, value, "convertedAt", "createdAt" on leads
      for each row execute function lead_totals_follow()`.execute(db);
  } else {
    const add = (row: 'new' | 'old', sign: 1 | -1) =>
      sql.raw(`
        insert into lead_totals ("ownerKey", source, status, count, value, writes)
        values (coalesce(${row}."ownerId", ''), ${row}.source, ${row}.status,
                ${sign}, ${sign < 0 ? '-' : ''}${row}.value, 1)
        on conflict ("ownerKey", source, status) do update
        set count = count + excluded.count, value = value + excluded.value, writes = writes + 1;`);
    await sql`create trigger leads_totals_insert after insert on leads
      begin ${add('new', 1)} end`.execute(db);
    await sql`create trigger leads_totals_delete after delete on leads
      begin ${add('old', -1)} end`.execute(db);
    await sql`create trigger leads_totals_update
      after update of "ownerId", source, status, value, "convertedAt", "createdAt" on leads
      begin ${add('old', -1)} ${add('new', 1)} end`.execute(db);
  }

  // Analytics, each read from an index holding every column it needs (no visit to the table):
  // leads created in a range by day; the summary's groups, in the index's order (no sort), for
  // everyone or one owner; and the conversions by day, from the converted leads alone.
  await db.schema
    .createIndex('leads_analytics_created_idx')
    .on('leads')
    .columns(['createdAt', 'ownerId'])
    .execute();
  await db.schema
    .createIndex('leads_analytics_groups_idx')
    .on('leads')
    .columns(['ownerId', 'source', 'status', 'createdAt', 'value', 'convertedAt'])
    .execute();
  await db.schema
    .createIndex('leads_analytics_converted_idx')
    .on('leads')
    .columns(['convertedAt', 'createdAt', 'ownerId'])
    .where(sql.ref('convertedAt'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['created', 'groups', 'converted']) {
    await db.schema.dropIndex(`leads_analytics_${index}_idx`).execute();
  }
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger leads_totals on leads`.execute(db);
    await sql`drop function lead_totals_follow()`.execute(db);
    await sql`drop function lead_totals_add(text, text, text, bigint, bigint)`.execute(db);
  } else {
    for (const trigger of ['insert', 'delete', 'update']) {
      await sql`drop trigger ${sql.raw(`leads_totals_${trigger}`)}`.execute(db);
    }
  }
  await db.schema.dropTable('lead_totals').execute();
}
