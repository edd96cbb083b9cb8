import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalyticsSummary } from '../../../contracts/analytics.ts';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { teamSummary } from './service.ts';
import { weeksBetween } from './summary.ts';

type Status = 'new' | 'contacted' | 'qualified' | 'converted' | 'lost';

interface Seed {
  name: string;
  owner: 'sales' | 'manager' | null;
  source: string;
  value: number;
  status: Status;
  createdAt: string;
  convertedAt?: string;
}

/**
 * Known leads, backdated as if entered over March 2026. In the range 2026-03-01 (a Sunday) to
 * 2026-03-22: L1–L6. L7 is created in April and L8 in February (though converted in March).
 */
const seeds: Seed[] = [
  {
    name: 'L1',
    owner: 'sales',
    source: 'website',
    value: 1000,
    status: 'converted',
    createdAt: '2026-03-02T09:00:00.000Z',
    convertedAt: '2026-03-05T21:00:00.000Z', // 3.5 days
  },
  {
    name: 'L2',
    owner: 'sales',
    source: 'website',
    value: 500,
    status: 'lost',
    createdAt: '2026-03-03T10:00:00.000Z',
  },
  {
    name: 'L3',
    owner: 'sales',
    source: 'referral',
    value: 200,
    status: 'qualified',
    createdAt: '2026-03-10T10:00:00.000Z',
  },
  {
    name: 'L4',
    owner: 'manager',
    source: 'event',
    value: 300,
    status: 'new',
    createdAt: '2026-03-11T10:00:00.000Z',
  },
  {
    name: 'L5',
    owner: null,
    source: 'website',
    value: 50.5,
    status: 'contacted',
    createdAt: '2026-03-16T00:00:00.000Z',
  },
  {
    name: 'L6',
    owner: 'manager',
    source: 'referral',
    value: 700,
    status: 'converted',
    createdAt: '2026-03-09T00:00:00.000Z',
    convertedAt: '2026-03-19T12:00:00.000Z', // 10.5 days
  },
  {
    name: 'L7',
    owner: 'sales',
    source: 'other',
    value: 80,
    status: 'new',
    createdAt: '2026-04-02T10:00:00.000Z',
  },
  {
    name: 'L8',
    owner: 'manager',
    source: 'partner',
    value: 90,
    status: 'converted',
    createdAt: '2026-02-27T10:00:00.000Z',
    convertedAt: '2026-03-02T00:00:00.000Z',
  },
];

const MARCH = { from: '2026-03-01', to: '2026-03-22' };

describe.each(testDialects())('analytics API on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  let sales: Session;
  let viewer: Session;
  const ids = new Map<string, string>();

  beforeEach(async () => {
    t = await createTestApp(dialect);
    [admin, manager, sales, viewer] = [
      await t.signIn('admin'),
      await t.signIn('manager', { name: 'Mia Manager' }),
      await t.signIn('sales', { name: 'Sam Sales' }),
      await t.signIn('viewer'),
    ];
    for (const seed of seeds) ids.set(seed.name, await plant(seed));
  });
  afterEach(async () => {
    await t.close();
  });

  /** Walks a lead to its status through the API, then backdates it as an import would. */
  async function plant(seed: Seed): Promise<string> {
    const ownerId = seed.owner === null ? null : { sales, manager }[seed.owner].user.id;
    const created = await manager.request('/api/v1/leads', {
      method: 'POST',
      body: {
        firstName: 'Lead',
        lastName: seed.name,
        email: `${seed.name.toLowerCase()}@example.com`,
        source: seed.source,
        value: seed.value,
        ownerId,
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const steps: Status[] = {
      new: [],
      contacted: ['contacted'],
      qualified: ['contacted', 'qualified'],
      converted: ['contacted', 'qualified'],
      lost: ['lost'],
    }[seed.status] as Status[];
    for (const status of steps) {
      const moved = await manager.request(`/api/v1/leads/${id}`, {
        method: 'PATCH',
        body: { status, ...(status === 'lost' ? { lostReason: 'No budget' } : {}) },
      });
      expect(moved.statusCode).toBe(200);
    }
    if (seed.status === 'converted') {
      const converted = await manager.request(`/api/v1/leads/${id}/convert`, {
        method: 'POST',
        body: {},
      });
      expect(converted.statusCode).toBe(201);
    }
    await t.ctx.db
      .updateTable('leads')
      .set({
        createdAt: seed.createdAt,
        ...(seed.convertedAt ? { convertedAt: seed.convertedAt } : {}),
      })
      .where('id', '=', id)
      .execute();
    return id;
  }

  const get = async (
    session: Session,
    path: 'summary' | 'me',
    query: Record<string, string> = {},
  ): Promise<AnalyticsSummary> => {
    const response = await session.request(`/api/v1/analytics/${path}`, { query });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('gives every figure of the team summary over the leads created in the range', async () => {
    expect(await get(manager, 'summary', MARCH)).toEqual({
      from: '2026-03-01',
      to: '2026-03-22',
      total: 6,
      byStatus: { new: 1, contacted: 1, qualified: 1, converted: 2, lost: 1 },
      conversionRate: 2 / 6,
      winRate: 2 / 3,
      pipelineValue: 550.5,
      averageDaysToConversion: 7,
      bySource: [
        { source: 'website', total: 3, converted: 1 },
        { source: 'referral', total: 2, converted: 1 },
        { source: 'event', total: 1, converted: 0 },
      ],
      byOwner: [
        {
          ownerId: manager.user.id,
          name: 'Mia Manager',
          avatarUrl: null,
          total: 2,
          converted: 1,
          pipelineValue: 300,
        },
        {
          ownerId: sales.user.id,
          name: 'Sam Sales',
          avatarUrl: null,
          total: 3,
          converted: 1,
          pipelineValue: 200,
        },
        { ownerId: null, name: null, avatarUrl: null, total: 1, converted: 0, pipelineValue: 50.5 },
      ],
      // 2026-03-01 is a Sunday: the range touches the week of Monday 23 February.
      trend: [
        { weekStart: '2026-02-23', created: 0, converted: 0 },
        { weekStart: '2026-03-02', created: 2, converted: 1 },
        { weekStart: '2026-03-09', created: 3, converted: 0 },
        { weekStart: '2026-03-16', created: 1, converted: 1 },
      ],
    });
  });

  it('narrows every figure to one owner: me, unassigned or a user', async () => {
    const mine = await get(manager, 'summary', { ...MARCH, ownerId: 'me' });
    expect(mine).toMatchObject({
      total: 2,
      byStatus: { new: 1, contacted: 0, qualified: 0, converted: 1, lost: 0 },
      conversionRate: 0.5,
      winRate: 1,
      pipelineValue: 300,
      averageDaysToConversion: 10.5,
      bySource: [
        { source: 'event', total: 1, converted: 0 },
        { source: 'referral', total: 1, converted: 1 },
      ],
      byOwner: [{ ownerId: manager.user.id, total: 2, converted: 1, pipelineValue: 300 }],
    });
    expect(mine.trend.map((week) => [week.created, week.converted])).toEqual([
      [0, 0],
      [0, 0],
      [2, 0],
      [0, 1],
    ]);
    const unassigned = await get(admin, 'summary', { ...MARCH, ownerId: 'none' });
    expect(unassigned).toMatchObject({
      total: 1,
      byStatus: { contacted: 1 },
      conversionRate: 0,
      winRate: 0,
      pipelineValue: 50.5,
      averageDaysToConversion: null,
      byOwner: [{ ownerId: null, name: null, total: 1 }],
    });
    const ofSales = await get(admin, 'summary', { ...MARCH, ownerId: sales.user.id });
    expect([ofSales.total, ofSales.byStatus.lost, ofSales.winRate]).toEqual([3, 1, 0.5]);
  });

  it('gives anyone the same figures over their own leads, all time by default', async () => {
    const march = await get(sales, 'me', MARCH);
    const teamView = await get(manager, 'summary', { ...MARCH, ownerId: sales.user.id });
    expect(march).toEqual(teamView);

    const today = new Date().toISOString().slice(0, 10);
    const allTime = await get(sales, 'me');
    expect(allTime).toMatchObject({
      from: '2026-03-02', // the day of their first lead
      to: today,
      total: 4,
      byStatus: { new: 1, contacted: 0, qualified: 1, converted: 1, lost: 1 },
      pipelineValue: 280,
      averageDaysToConversion: 3.5,
    });
    expect(allTime.trend.map((week) => week.weekStart)).toEqual(weeksBetween('2026-03-02', today));
    expect(allTime.trend.reduce((sum, week) => sum + week.created, 0)).toBe(4);

    // A viewer owns no leads: an empty summary, not an error.
    expect(await get(viewer, 'me')).toEqual({
      from: null,
      to: today,
      total: 0,
      byStatus: { new: 0, contacted: 0, qualified: 0, converted: 0, lost: 0 },
      conversionRate: 0,
      winRate: 0,
      pipelineValue: 0,
      averageDaysToConversion: null,
      bySource: [],
      byOwner: [],
      trend: [],
    });
  });

  it('counts a range without leads as zeros, with every week of it', async () => {
    const empty = await get(manager, 'summary', { from: '2025-01-01', to: '2025-01-31' });
    expect(empty).toMatchObject({
      total: 0,
      conversionRate: 0,
      winRate: 0,
      pipelineValue: 0,
      averageDaysToConversion: null,
      bySource: [],
      byOwner: [],
    });
    expect(empty.trend).toEqual(
      ['2024-12-30', '2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27'].map((weekStart) => ({
        weekStart,
        created: 0,
        converted: 0,
      })),
    );
  });

  it('keeps the team summary to admins and managers', async () => {
    for (const session of [sales, viewer]) {
      const response = await session.request('/api/v1/analytics/summary');
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ status: 403, code: 'forbidden' });
    }
    expect((await t.request('/api/v1/analytics/summary')).statusCode).toBe(401);
    expect((await t.request('/api/v1/analytics/me')).statusCode).toBe(401);
    expect((await get(admin, 'summary', MARCH)).total).toBe(6);
  });

  it('refuses dates that are not days, or a range that ends before it starts', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ from: '2026-02-30' }, 'from', 'Must be a real calendar date'],
      [{ from: 'yesterday' }, 'from', 'Must be a date like 2026-01-31'],
      [{ to: '2026-3-1' }, 'to', 'Must be a date like 2026-01-31'],
      [{ from: '2026-03-10', to: '2026-03-09' }, 'to', 'Must be on or after from'],
      [{ ownerId: '../users' }, 'ownerId', expect.any(String) as unknown as string],
      // Past 9999-12-31, or before year 1, a week's Monday is no `YYYY-MM-DD`: listing the weeks
      // never ended and the server ran out of memory. Millennia would be 100,000s of weeks.
      [{ from: '2026-03-01', to: '9999-12-31' }, 'to', 'Must be between 1970-01-01 and 2100-12-31'],
      [{ from: '0000-01-01' }, 'from', 'Must be between 1970-01-01 and 2100-12-31'],
      [{ from: '0001-01-01' }, 'from', 'Must be between 1970-01-01 and 2100-12-31'],
    ];
    for (const [query, path, message] of cases) {
      const response = await manager.request('/api/v1/analytics/summary', { query });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ path, message }]);
    }
    const mine = await sales.request('/api/v1/analytics/me', { query: { to: '2026-13-01' } });
    expect(mine.statusCode).toBe(400);
    const farOff = await sales.request('/api/v1/analytics/me', { query: { to: '9999-12-31' } });
    expect(farOff.statusCode).toBe(400);
  });

  it('is never stale: a write, a reassignment or a rename shows at once', async () => {
    const before = await get(manager, 'summary', MARCH);
    expect(before.byStatus.new).toBe(1);

    const l4 = ids.get('L4');
    const moved = await manager.request(`/api/v1/leads/${l4}`, {
      method: 'PATCH',
      body: { status: 'contacted', value: 400 },
    });
    expect(moved.statusCode).toBe(200);
    const after = await get(manager, 'summary', MARCH);
    expect(after.byStatus).toMatchObject({ new: 0, contacted: 2 });
    expect(after.pipelineValue).toBe(650.5);

    // One owner's cached summary follows a lead given to them.
    expect((await get(manager, 'summary', { ...MARCH, ownerId: 'none' })).total).toBe(1);
    await manager.request(`/api/v1/leads/${ids.get('L5')}`, {
      method: 'PATCH',
      body: { ownerId: sales.user.id },
    });
    expect((await get(manager, 'summary', { ...MARCH, ownerId: 'none' })).total).toBe(0);
    expect((await get(sales, 'me', MARCH)).total).toBe(4);

    // Deleting a lead, and a name changed since the summary was first computed.
    await manager.request(`/api/v1/leads/${ids.get('L3')}`, { method: 'DELETE' });
    await t.ctx.db
      .updateTable('users')
      .set({ name: 'Sam Seller' })
      .where('id', '=', sales.user.id)
      .execute();
    const last = await get(manager, 'summary', MARCH);
    expect(last.total).toBe(5);
    expect(last.byOwner.find((owner) => owner.ownerId === sales.user.id)?.name).toBe('Sam Seller');
  });

  it('serves from its cache exactly what the SQL computes now, after every kind of write', async () => {
    // The same database without a cache: every call computes afresh.
    const uncached = { ...t.ctx, config: { ...t.ctx.config, analyticsCacheSize: 0 } };
    const actor = { ...manager.user, role: 'manager' as const };
    const compare = async () => {
      for (const query of [MARCH, {}, { ...MARCH, ownerId: sales.user.id }]) {
        await get(manager, 'summary', query); // computed, then cached
        const served = await get(manager, 'summary', query); // from the cache if unchanged
        expect(served).toEqual(await teamSummary(uncached, actor as never, query));
      }
    };
    await compare();
    // A bulk reassignment of the sales user's open leads to the manager.
    const reassigned = await admin.request(`/api/v1/users/${sales.user.id}/reassign-leads`, {
      method: 'POST',
      body: { toUserId: manager.user.id },
    });
    expect(reassigned.statusCode).toBe(200);
    await compare();
    // A conversion, now the lead is the manager's.
    const l3 = ids.get('L3');
    expect(
      (await manager.request(`/api/v1/leads/${l3}/convert`, { method: 'POST', body: {} }))
        .statusCode,
    ).toBe(201);
    await compare();
    expect((await get(manager, 'summary', MARCH)).byStatus.converted).toBe(3);
  });

  it('keeps no summaries with a cache size of 0', async () => {
    const uncached = await createTestApp(dialect, { ANALYTICS_CACHE_SIZE: '0' });
    try {
      expect(uncached.ctx.config.analyticsCacheSize).toBe(0);
      const boss = await uncached.signIn('manager');
      const response = await boss.request('/api/v1/analytics/summary');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ total: 0, from: null, trend: [] });
    } finally {
      await uncached.close();
    }
  });
});
