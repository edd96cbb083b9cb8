import { afterEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpAdmin } from '../test/process/api-client.ts';
import { postgresServer, type ScratchPostgres, scratchPostgres } from '../test/process/postgres.ts';
import { eventually, type ServerProcess, startServer } from '../test/process/server-process.ts';
import { TcpProxy } from '../test/process/tcp-proxy.ts';

let sequence = 0;
const newLead = () => {
  sequence += 1;
  return { firstName: 'Grace', lastName: `Hopper ${sequence}`, email: `g${sequence}@example.com` };
};

const readyStatus = async (server: ServerProcess) =>
  (await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(10_000) })).status;

describe.skipIf(!postgresServer)('losing the PostgreSQL connection', () => {
  let database: ScratchPostgres;
  let server: ServerProcess;
  let proxy: TcpProxy | undefined;

  afterEach(async () => {
    await server?.stop();
    await proxy?.close();
    proxy = undefined;
    await database?.dispose();
  });

  it('survives pg_terminate_backend on its connections mid-load: 503s at worst, then ready', async () => {
    database = await scratchPostgres();
    server = await startServer({ databaseUrl: database.databaseUrl });
    const admin: ApiClient = await setUpAdmin(server.url);

    const statuses = new Map<number, number>();
    let running = true;
    let done = 0;
    const worker = async (index: number) => {
      while (running) {
        const response =
          index % 2 === 0
            ? await admin.post('/api/v1/leads', newLead())
            : await admin.get('/api/v1/leads?limit=20');
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) {
          expect(response.status).toBe(503);
          expect(response.body).toMatchObject({ code: 'unavailable', status: 503 });
          expect(response.headers.get('retry-after')).toBe('5');
        }
        done += 1;
      }
    };
    const load = Promise.all(Array.from({ length: 12 }, (_, index) => worker(index)));

    let terminated = 0;
    try {
      for (let round = 0; round < 6; round += 1) {
        const target = done + 40;
        await eventually(async () => done >= target, 30_000, `40 more answers (round ${round})`);
        const rows = await database.query<{ killed: boolean }>(
          `select pg_terminate_backend(pid) as killed from pg_stat_activity
         where datname = $1 and pid <> pg_backend_pid()`,
          [database.name],
        );
        terminated += rows.filter((row) => row.killed).length;
      }
      const target = done + 40;
      await eventually(async () => done >= target, 30_000, 'answers after the last termination');
    } finally {
      running = false;
      await load;
    }

    expect(terminated).toBeGreaterThan(6);
    expect(server.child.exitCode).toBeNull();
    const answered = [...statuses.entries()];
    expect(answered.every(([status]) => status < 500 || status === 503)).toBe(true);
    expect((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0)).toBeGreaterThan(200);
    expect(await readyStatus(server)).toBe(200);
    const after = await admin.post('/api/v1/leads', newLead());
    expect(after.status).toBe(201);
    expect(server.output()).toContain('a database connection was lost');
    console.info(
      `[database-loss] ${terminated} backends terminated; answers by status: ${JSON.stringify(
        Object.fromEntries(answered),
      )}`,
    );
  });

  it('reports 503 on /readyz and the API while the database is unreachable, then recovers without a restart', async () => {
    database = await scratchPostgres();
    const target = new URL(database.databaseUrl);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    const throughProxy = new URL(database.databaseUrl);
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);
    server = await startServer({ databaseUrl: throughProxy.toString() });
    const admin = await setUpAdmin(server.url);
    expect((await admin.post('/api/v1/leads', newLead())).status).toBe(201);

    proxy.cut();
    await eventually(async () => (await readyStatus(server)) === 503, 15_000, '/readyz 503');
    const refused = await admin.get('/api/v1/leads');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'unavailable' });
    const write = await admin.post('/api/v1/leads', newLead());
    expect(write.status).toBe(503);

    proxy.restore();
    await eventually(async () => (await readyStatus(server)) === 200, 15_000, '/readyz 200');
    // The same session still works: nobody was signed out by the outage.
    const listed = await admin.get('/api/v1/leads');
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    expect((await admin.post('/api/v1/leads', newLead())).status).toBe(201);
    expect(server.child.exitCode).toBeNull();
  });
});
