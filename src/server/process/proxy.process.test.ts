import { randomBytes, randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, addUser, PASSWORD, setUpAdmin } from '../test/process/api-client.ts';
import {
  hasNginx,
  localNginxSite,
  type NginxProcess,
  readmeNginxConfig,
  startNginx,
} from '../test/process/nginx.ts';
import { postgresServer, type ScratchPostgres, scratchPostgres } from '../test/process/postgres.ts';
import { multipartBody, RawConnection, rawRequest } from '../test/process/raw-http.ts';
import { freePort, type ServerProcess, startServer } from '../test/process/server-process.ts';

const PNG_HEADER = Buffer.from('89504e470d0a1a0a', 'hex');

/**
 * The client of the forging test connects to nginx from this loopback address: nginx appends it
 * to X-Forwarded-For, while the nodes see nginx's own 127.0.0.1. So the address the app records
 * tells all three readings apart: the forged one (every hop believed), 127.0.0.1 (none believed)
 * and 127.0.0.2 (the one hop nginx added, as TRUST_PROXY=true means).
 */
const FORGING_CLIENT = '127.0.0.2';

/** The parts of an `auth.sign_in_failed` audit event this suite reads. */
interface FailedSignIn {
  ipAddress: string | null;
  details: { email: string; reason: string };
}

/** A public-looking IPv4 address, different every time. */
const randomAddress = () =>
  [randomInt(1, 224), randomInt(0, 256), randomInt(0, 256), randomInt(1, 255)].join('.');

/** Both are needed: the nodes share a PostgreSQL database, and nginx fronts them. */
const canRun = Boolean(postgresServer) && hasNginx;

// CI installs nginx (.ci/run) and makes PostgreSQL mandatory: there, a skip would hide a gap.
if (process.env.CI && !canRun) {
  throw new Error('CI must run the proxy suite: /usr/sbin/nginx and TEST_DATABASE_URL are needed');
}

/** Resolves with `read()` once `done` holds for it; fails after `withinMs` with the last value. */
async function eventually<T>(read: () => T, done: (value: T) => boolean, withinMs = 5_000) {
  const deadline = Date.now() + withinMs;
  let value = read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}`);
    await delay(20);
    value = read();
  }
  return value;
}

describe.skipIf(!canRun)('two nodes behind nginx, as README.md configures it', () => {
  let database: ScratchPostgres;
  const nodes: ServerProcess[] = [];
  let proxy: NginxProcess;
  let admin: ApiClient;
  let alice: ApiClient;
  let bob: ApiClient;

  beforeAll(async () => {
    database = await scratchPostgres();
    const port = await freePort();
    const env = { TRUST_PROXY: 'true', PUBLIC_URL: `http://127.0.0.1:${port}` };
    // One after the other: both would migrate the fresh database at once otherwise.
    for (let i = 0; i < 2; i += 1) {
      nodes.push(await startServer({ databaseUrl: database.databaseUrl, env }));
    }
    if (nodes.some((node) => node.port === port)) throw new Error('a node took the proxy port');
    const site = localNginxSite(readmeNginxConfig(), {
      port,
      upstreams: nodes.map((node) => `127.0.0.1:${node.port}`),
    });
    proxy = await startNginx(site, port);
    admin = await setUpAdmin(proxy.url);
    alice = (await addUser(admin, 'sales', 'alice@example.com')).client;
    bob = (await addUser(admin, 'sales', 'bob@example.com')).client;
  });

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all(nodes.map((node) => node.stop()));
    await database?.dispose();
  });

  it('counts a client forging X-Forwarded-For under the address nginx saw: 10 wrong passwords a minute, then 429, and the audit log records that address', async () => {
    const connection = await RawConnection.open(proxy.port, FORGING_CLIENT);
    const forged = new Set<string>();
    const emails: string[] = [];
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 30; attempt += 1) {
      let address = randomAddress();
      while (forged.has(address)) address = randomAddress();
      forged.add(address);
      const email = `guess-${attempt}-${randomBytes(3).toString('hex')}@example.com`;
      emails.push(email);
      const body = JSON.stringify({ email, password: 'not the password' });
      await connection.write(
        rawRequest(
          'POST',
          '/api/auth/sign-in/email',
          { 'content-type': 'application/json', origin: proxy.url, 'x-forwarded-for': address },
          body,
        ),
      );
      statuses.push((await connection.readResponse(10_000)).status);
    }
    connection.close();
    // Every attempt names a new address and a new account, so only the per-IP limit can stop it.
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(20).fill(429)]);

    const audit = await admin.get('/api/v1/audit?action=auth.sign_in_failed&limit=100');
    expect(audit.status).toBe(200);
    const attempts = (audit.body.data as FailedSignIn[]).filter((event) =>
      emails.includes(event.details.email),
    );
    expect(attempts).toHaveLength(30);
    expect(new Set(attempts.map((event) => event.ipAddress))).toEqual(new Set([FORGING_CLIENT]));
    expect(attempts.filter((event) => forged.has(event.ipAddress ?? ''))).toEqual([]);
    expect(attempts.filter((event) => event.details.reason === 'throttled')).toHaveLength(20);
  });

  it("answers another user's requests promptly while one user's uploads are refused early (413)", async () => {
    const fiveFields = { a: '1', b: '2', c: '3', d: '4', e: '5' };
    for (let round = 0; round < 20; round += 1) {
      const form = multipartBody(fiveFields, {
        name: 'file',
        filename: 'me.png',
        type: 'image/png',
        content: Buffer.concat([PNG_HEADER, Buffer.alloc(1_000_000 - PNG_HEADER.length, 7)]),
      });
      const refused = await fetch(`${proxy.url}/api/v1/me/avatar`, {
        method: 'PUT',
        headers: { 'content-type': form.contentType, origin: proxy.url, cookie: alice.cookie },
        body: new Uint8Array(form.body),
        signal: AbortSignal.timeout(10_000),
      });
      expect(refused.status).toBe(413);
      await refused.arrayBuffer();
      // Twice, so that round-robin sends one of them to the node that just refused the upload,
      // down the connection nginx keeps to it: the one a left-over body would block.
      for (let request = 0; request < 2; request += 1) {
        const me = await fetch(`${proxy.url}/api/v1/me`, {
          headers: { cookie: bob.cookie },
          // Far below nginx's 60 s proxy_read_timeout, which would turn a stuck one into a 504.
          signal: AbortSignal.timeout(5_000),
        }).catch((error: unknown) => {
          throw new Error(
            `Bob's request ${request + 1} after upload ${round + 1} went unanswered`,
            {
              cause: error,
            },
          );
        });
        expect(me.status).toBe(200);
        expect((await me.json()).email).toBe('bob@example.com');
      }
    }
  });

  it('keeps a session made through nginx on either node', async () => {
    const carol = new ApiClient(proxy.url);
    await carol.signIn('alice@example.com', PASSWORD);
    const logged = proxy.accessLog().length;
    for (let request = 0; request < 4; request += 1) {
      const me = await carol.get('/api/v1/me');
      expect(me.status).toBe(200);
      expect(me.body.email).toBe('alice@example.com');
    }
    const answered = await eventually(
      () => proxy.accessLog().slice(logged),
      (lines) => lines.length >= 4,
    );
    const upstreams = new Set(answered.map((line) => line.split(' ')[0]));
    expect(upstreams).toEqual(new Set(nodes.map((node) => `127.0.0.1:${node.port}`)));
    // And on each node directly, the same cookie.
    for (const node of [...nodes, ...nodes]) {
      const me = await carol.on(node.url).get('/api/v1/me');
      expect(me.status).toBe(200);
      expect(me.body.email).toBe('alice@example.com');
    }
  });
});
