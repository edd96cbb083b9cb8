import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, addUser, PASSWORD, setUpAdmin } from '../test/process/api-client.ts';
import { postgresServer, type ScratchPostgres, scratchPostgres } from '../test/process/postgres.ts';
import { type ServerProcess, startServers } from '../test/process/server-process.ts';

/**
 * Three nodes on one PostgreSQL database, started at the same moment on an empty database, as a
 * deployment behind a load balancer is. Every promise the README makes about several nodes is
 * checked across them: nothing a node keeps for itself may change what another one answers.
 */
describe.skipIf(!postgresServer)('several nodes on one PostgreSQL database', () => {
  let database: ScratchPostgres;
  let nodes: ServerProcess[] = [];
  let admin: ApiClient;

  const node = (index: number) => {
    const found = nodes[index % nodes.length];
    if (!found) throw new Error('no node');
    return found;
  };

  beforeAll(async () => {
    database = await scratchPostgres();
    // All at once on a fresh database: each migrates it at start, and they must agree.
    // TRUST_PROXY: the throttle test gives each attempt its own client address.
    nodes = await startServers(3, {
      databaseUrl: database.databaseUrl,
      env: { TRUST_PROXY: 'true' },
    });
    admin = await setUpAdmin(node(0).url);
  });

  afterAll(async () => {
    await Promise.all(nodes.map((server) => server.stop()));
    await database?.dispose();
  });

  it('boots every node at once on a fresh database and migrates it exactly once', async () => {
    const migrations = await database.query<{ name: string }>(
      'select name from kysely_migration order by name',
    );
    const files = readdirSync(path.resolve('src/server/db/migrations'))
      .filter((file) => /^\d{4}_\d{2}_\d{2}_\d{4}_.+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(migrations.map((row) => row.name)).toEqual(files);
    // Each migration's work is there once: one totals trigger, one value-total row.
    const totalsRows = await database.query('select * from lead_value_total');
    expect(totalsRows).toHaveLength(1);
    for (const server of nodes) expect(server.output()).not.toMatch(/failed|error/i);
    for (const server of nodes) {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    }
  });

  it('accepts a session made on one node on every other', async () => {
    const { client } = await addUser(admin, 'sales', 'sam@example.com');
    for (const server of nodes) {
      const me = await client.on(server.url).get('/api/v1/me');
      expect(me.status).toBe(200);
      expect(me.body.email).toBe('sam@example.com');
    }
  });

  it('ends a session on every node when it signs out on one', async () => {
    const { client } = await addUser(admin, 'sales', 'sign-out@example.com');
    expect((await client.on(node(2).url).get('/api/v1/me')).status).toBe(200);
    const signOut = await client.on(node(1).url).post('/api/auth/sign-out', {});
    expect(signOut.status).toBe(200);
    const stale = client.cookie;
    for (const server of nodes) {
      const me = await new ApiClient(server.url, stale).get('/api/v1/me');
      expect(me.status).toBe(401);
    }
  });

  it('ends a deactivated user’s sessions on every node at once', async () => {
    const { id, client } = await addUser(admin, 'sales', 'leaver@example.com');
    const deactivate = await admin.on(node(2).url).patch(`/api/v1/users/${id}`, { active: false });
    expect(deactivate.status).toBe(200);
    for (const server of nodes) {
      expect((await client.on(server.url).get('/api/v1/me')).status).toBe(401);
    }
    const again = await new ApiClient(node(0).url).post('/api/auth/sign-in/email', {
      email: 'leaver@example.com',
      password: PASSWORD,
    });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
  });

  it('shares the per-account sign-in throttle between the nodes', async () => {
    await addUser(admin, 'sales', 'guessed@example.com');
    // Eight wrong passwords spread over the nodes, each from its own client address, so the
    // per-IP limit (10 a minute) never applies: only the per-account one can refuse them.
    const statuses: number[] = [];
    const from = (attempt: number) => ({ 'x-forwarded-for': `198.51.100.${attempt + 1}` });
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const response = await new ApiClient(node(attempt).url, '', from(attempt)).post(
        '/api/auth/sign-in/email',
        { email: 'guessed@example.com', password: `wrong password ${attempt}` },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // Even the right password waits now, on any node.
    const right = await new ApiClient(node(1).url, '', from(9)).post('/api/auth/sign-in/email', {
      email: 'guessed@example.com',
      password: PASSWORD,
    });
    expect(right.status).toBe(429);
  });

  it('makes exactly one customer of 30 simultaneous conversions spread over the nodes', async () => {
    const created = await admin.post('/api/v1/leads', {
      firstName: 'Katherine',
      lastName: 'Johnson',
      email: 'katherine@example.com',
      company: 'NASA',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const status of ['contacted', 'qualified']) {
      expect((await admin.patch(`/api/v1/leads/${id}`, { status })).status).toBe(200);
    }
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        admin.on(node(index).url).post(`/api/v1/leads/${id}/convert`, {}),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(29);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.body.code).toBe('already_converted');
    }
    const customers = await database.query<{ id: string; leadId: string }>(
      'select id, "leadId" from customers where lower(email) = $1',
      ['katherine@example.com'],
    );
    expect(customers).toHaveLength(1);
    expect(customers[0]?.leadId).toBe(id);
    const lead = await admin.on(node(2).url).get(`/api/v1/leads/${id}`);
    expect(lead.body).toMatchObject({ status: 'converted', customerId: customers[0]?.id });
  });

  it('answers the same board totals on every node right after a write on one', async () => {
    const created = await admin.on(node(1).url).post('/api/v1/leads', {
      firstName: 'Dorothy',
      lastName: 'Vaughan',
      email: 'dorothy@example.com',
      value: 1234.56,
    });
    expect(created.status).toBe(201);
    const boards = await Promise.all(
      nodes.map((server) => admin.on(server.url).get('/api/v1/pipeline')),
    );
    const newColumns = boards.map((board) =>
      board.body.columns.find((column: { status: string }) => column.status === 'new'),
    );
    for (const column of newColumns) {
      expect(column).toMatchObject({ count: newColumns[0].count, value: newColumns[0].value });
    }
    expect(newColumns[0].value).toBeGreaterThanOrEqual(1234.56);
  });
});
