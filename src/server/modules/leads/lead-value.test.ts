import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LEAD_VALUE, MAX_LEADS_TOTAL_VALUE } from '../../../contracts/leads.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/time.ts';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

/** Leads worth `MAX_LEAD_VALUE` each, written straight to the table (its triggers still run). */
async function seedMaxValueLeads(t: TestApp, ownerId: string, count: number) {
  const now = nowIso();
  const rows = Array.from({ length: count }, (_, index) => ({
    id: newId(),
    firstName: 'Big',
    lastName: `Deal ${index}`,
    ownerId,
    value: MAX_LEAD_VALUE * 100,
    statusChangedAt: now,
    createdById: ownerId,
    createdAt: now,
    updatedAt: now,
  }));
  for (let start = 0; start < rows.length; start += 100) {
    await t.ctx.db
      .insertInto('leads')
      .values(rows.slice(start, start + 100))
      .execute();
  }
}

const leadCount = async (t: TestApp) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('leads')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
    ).count,
  );

describe.each(testDialects())('lead values and their totals on %s', (dialect) => {
  let t: TestApp;
  let manager: Session;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    manager = await t.signIn('manager');
  });
  afterEach(async () => {
    await t.close();
  });

  const lead = (value: number) => ({ firstName: 'Ada', lastName: 'Lovelace', phone: '1', value });

  it('refuses a value over 10,000,000,000 with 400 naming value', async () => {
    const response = await manager.request('/api/v1/leads', {
      method: 'POST',
      body: lead(MAX_LEAD_VALUE + 0.01),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'value', message: 'Must be at most 10,000,000,000' },
    ]);
    const top = await manager.request('/api/v1/leads', {
      method: 'POST',
      body: lead(MAX_LEAD_VALUE),
    });
    expect(top.statusCode).toBe(201);
    expect(top.json().value).toBe(MAX_LEAD_VALUE);
  });

  it('keeps every total exact to the cent up to the limit of all leads together, and refuses a write past it', async () => {
    // 999 leads at the top value plus one of 9,999,999,999.99: one cent under the limit.
    await seedMaxValueLeads(t, manager.user.id, 999);
    const last = await manager.request('/api/v1/leads', {
      method: 'POST',
      body: lead(MAX_LEAD_VALUE - 0.01),
    });
    expect(last.statusCode).toBe(201);
    const expected = MAX_LEADS_TOTAL_VALUE - 0.01;

    const board = (await manager.request('/api/v1/pipeline')).json();
    expect(
      board.columns.find((column: { status: string }) => column.status === 'new'),
    ).toMatchObject({ count: 1000, value: expected });
    const summary = (await manager.request('/api/v1/analytics/summary')).json();
    expect(summary.pipelineValue).toBe(expected);
    expect(summary.byOwner[0].pipelineValue).toBe(expected);

    // One more cent, as a new lead or as an edit, would pass the limit: refused, nothing written.
    const before = await leadCount(t);
    const refused = await manager.request('/api/v1/leads', { method: 'POST', body: lead(0.02) });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'value', message: expect.stringContaining('10,000,000,000,000') }],
    });
    expect(await leadCount(t)).toBe(before);
    // Up to the limit exactly is allowed; a cent more through an edit is refused too.
    const toLimit = await manager.request(`/api/v1/leads/${last.json().id}`, {
      method: 'PATCH',
      body: { value: MAX_LEAD_VALUE },
    });
    expect(toLimit.statusCode).toBe(200);
    const empty = await manager.request('/api/v1/leads', { method: 'POST', body: lead(0) });
    expect(empty.statusCode).toBe(201);
    const raise = await manager.request(`/api/v1/leads/${empty.json().id}`, {
      method: 'PATCH',
      body: { value: 0.01 },
    });
    expect(raise.statusCode).toBe(400);
    expect(raise.json().errors[0].path).toBe('value');
    expect((await manager.request(`/api/v1/leads/${empty.json().id}`)).json().value).toBe(0);

    // Writes that lower the total always pass.
    const lower = await manager.request(`/api/v1/leads/${last.json().id}`, {
      method: 'PATCH',
      body: { value: 1 },
    });
    expect(lower.statusCode).toBe(200);

    const stored = await t.ctx.db
      .selectFrom('lead_value_total')
      .select('value')
      .executeTakeFirstOrThrow();
    const summed = await t.ctx.db
      .selectFrom('leads')
      .select((eb) => eb.fn.sum<number>('value').as('value'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.value)).toBe(Number(summed.value));
    expect(Number(stored.value)).toBe(999 * MAX_LEAD_VALUE * 100 + 100);
  });

  it('frees room for new value when a lead is deleted', async () => {
    await seedMaxValueLeads(t, manager.user.id, 1000);
    expect(
      (await manager.request('/api/v1/leads', { method: 'POST', body: lead(1) })).statusCode,
    ).toBe(400);
    const page = (await manager.request('/api/v1/leads?limit=1')).json();
    const deleted = await manager.request(`/api/v1/leads/${page.data[0].id}`, { method: 'DELETE' });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await manager.request('/api/v1/leads', { method: 'POST', body: lead(1) })).statusCode,
    ).toBe(201);
  });
});
