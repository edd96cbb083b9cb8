import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

interface Column {
  status: string;
  count: number;
  value: number;
  leads: { id: string; lastName: string }[];
  nextCursor: string | null;
}

describe.each(testDialects())('pipeline API on %s', (dialect) => {
  let t: TestApp;
  let manager: Session;
  let sales: Session;
  let viewer: Session;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    [manager, sales, viewer] = [
      await t.signIn('manager'),
      await t.signIn('sales'),
      await t.signIn('viewer'),
    ];
  });
  afterEach(async () => {
    await t.close();
  });

  let sequence = 0;
  async function lead(
    body: Record<string, unknown>,
    status?: 'contacted' | 'qualified' | 'lost',
  ): Promise<string> {
    sequence += 1;
    const created = await manager.request('/api/v1/leads', {
      method: 'POST',
      body: {
        firstName: 'Lead',
        lastName: `L${sequence}`,
        email: `l${sequence}@example.com`,
        ...body,
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    if (status) {
      const moved = await manager.request(`/api/v1/leads/${id}`, {
        method: 'PATCH',
        body: { status, ...(status === 'lost' ? { lostReason: 'No budget' } : {}) },
      });
      expect(moved.statusCode).toBe(200);
    }
    return id;
  }
  const board = async (session: Session, query: Record<string, string> = {}) => {
    const response = await session.request('/api/v1/pipeline', { query });
    expect(response.statusCode).toBe(200);
    return response.json().columns as Column[];
  };
  const summary = (columns: Column[]) =>
    Object.fromEntries(columns.map((column) => [column.status, [column.count, column.value]]));

  it('gives every status its count, total value and cards, newest change first', async () => {
    const a = await lead({ value: 100.5, ownerId: sales.user.id });
    const b = await lead({ value: 200 }, 'contacted');
    await lead({ value: 300.25 }, 'contacted');
    await lead({ value: 50, source: 'event' }, 'lost');
    const columns = await board(manager);
    expect(columns.map((column) => column.status)).toEqual([
      'new',
      'contacted',
      'qualified',
      'converted',
      'lost',
    ]);
    expect(summary(columns)).toEqual({
      new: [1, 100.5],
      contacted: [2, 500.25],
      qualified: [0, 0],
      converted: [0, 0],
      lost: [1, 50],
    });
    expect(columns[0]?.leads.map((card) => card.id)).toEqual([a]);
    expect(columns[1]?.leads.map((card) => card.id).at(-1)).toBe(b);
  });

  it('scopes the board like the leads list: a sales user sees only their leads', async () => {
    await lead({ value: 10, ownerId: sales.user.id }, 'qualified');
    await lead({ value: 20 }, 'qualified');
    expect(summary(await board(sales)).qualified).toEqual([1, 10]);
    expect(summary(await board(viewer)).qualified).toEqual([2, 30]);
    expect(summary(await board(sales, { ownerId: manager.user.id })).qualified).toEqual([0, 0]);
  });

  it('filters by owner, source and search', async () => {
    await lead({ lastName: 'Hopper', source: 'event', ownerId: sales.user.id });
    await lead({ lastName: 'Lovelace', source: 'website', ownerId: null });
    const count = async (query: Record<string, string>) =>
      summary(await board(manager, query)).new?.[0];
    expect(await count({ ownerId: sales.user.id })).toBe(1);
    expect(await count({ ownerId: 'none' })).toBe(1);
    expect(await count({ source: 'event,referral' })).toBe(1);
    expect(await count({ q: 'love' })).toBe(1);
    expect(await count({ q: 'nobody' })).toBe(0);
  });

  it('loads more cards of one column with its cursor, each card once', async () => {
    const ids = [];
    for (let index = 0; index < 5; index += 1) ids.push(await lead({}, 'contacted'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const [column]: Column[] = await board(manager, {
        status: 'contacted',
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      expect(column?.count).toBe(5);
      seen.push(...(column?.leads.map((card) => card.id) ?? []));
      cursor = column?.nextCursor ?? null;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('refuses a cursor without exactly one status, and unknown statuses', async () => {
    const noStatus = await manager.request('/api/v1/pipeline', { query: { cursor: 'abc' } });
    expect(noStatus.statusCode).toBe(400);
    expect(noStatus.json().errors).toEqual([
      { path: 'cursor', message: 'Give exactly one status with a cursor' },
    ]);
    const unknown = await manager.request('/api/v1/pipeline', { query: { status: 'won' } });
    expect(unknown.statusCode).toBe(400);
    expect((await t.request('/api/v1/pipeline')).statusCode).toBe(401);
  });
});
