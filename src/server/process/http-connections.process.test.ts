import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, setUpAdmin } from '../test/process/api-client.ts';
import { multipartBody, RawConnection, rawRequest } from '../test/process/raw-http.ts';
import { type ServerProcess, scratchSqlite, startServer } from '../test/process/server-process.ts';

const PNG_HEADER = Buffer.from('89504e470d0a1a0a', 'hex');

/** Bytes that start like a PNG and go on for `size` bytes. */
const fakePicture = (size: number) =>
  Buffer.concat([PNG_HEADER, Buffer.alloc(size - PNG_HEADER.length, 7)]);

describe('the server over real sockets', () => {
  const database = scratchSqlite();
  let server: ServerProcess;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startServer({
      databaseUrl: database.databaseUrl,
      env: { HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' },
    });
    admin = await setUpAdmin(server.url);
  });

  afterAll(async () => {
    await server?.stop();
    database.dispose();
  });

  const json = (body: string) => ({
    'content-type': 'application/json',
    origin: server.url,
    cookie: admin.cookie,
    'content-length': String(Buffer.byteLength(body)),
  });

  const upload = (fields: Record<string, string>, size: number, cookie = admin.cookie) => {
    const form = multipartBody(fields, {
      name: 'file',
      filename: 'me.png',
      type: 'image/png',
      content: fakePicture(size),
    });
    return rawRequest(
      'PUT',
      '/api/v1/me/avatar',
      { 'content-type': form.contentType, origin: server.url, ...(cookie ? { cookie } : {}) },
      form.body,
    );
  };

  const fiveFields = { a: '1', b: '2', c: '3', d: '4', e: '5' };
  const bigJson = JSON.stringify({ notes: 'x'.repeat(1_100_000) });

  /** Each refusal, as bytes, with the status it must get. */
  const refusals: Array<[string, () => Buffer, number]> = [
    ['a malformed JSON body', () => rawRequest('POST', '/api/v1/leads', json('{'), '{'), 400],
    [
      'an invalid lead',
      () => rawRequest('POST', '/api/v1/leads', json('{"firstName":""}'), '{"firstName":""}'),
      400,
    ],
    [
      'a request without a session, with a body',
      () =>
        rawRequest(
          'POST',
          '/api/v1/leads',
          { 'content-type': 'application/json', origin: server.url },
          '{"firstName":"Ada","lastName":"L","email":"a@example.com"}',
        ),
      401,
    ],
    [
      'a cross-site request',
      () =>
        rawRequest(
          'POST',
          '/api/v1/leads',
          { ...json('{}'), origin: 'https://evil.example' },
          '{}',
        ),
      403,
    ],
    [
      'an unknown route with a body',
      () => rawRequest('POST', '/api/v1/nope', json('{}'), '{}'),
      404,
    ],
    [
      'a JSON body over 1 MB',
      () => rawRequest('POST', '/api/v1/leads', json(bigJson), bigJson),
      413,
    ],
    [
      'a text/plain body',
      () =>
        rawRequest(
          'POST',
          '/api/v1/leads',
          { 'content-type': 'text/plain', origin: server.url, cookie: admin.cookie },
          'hello',
        ),
      415,
    ],
    [
      'five text fields and a 1 MB picture (more parts than allowed)',
      () => upload(fiveFields, 1_000_000),
      413,
    ],
    ['a 6 MB picture', () => upload({}, 6 * 1024 * 1024), 413],
    ['a 1 MB picture without a session', () => upload({}, 1_000_000, ''), 401],
    ['a 1 MB file that is no picture', () => upload({}, 1_000_000), 415],
    [
      'a second setup (409)',
      () => {
        const body = '{"name":"Eve","email":"eve@example.com","password":"long enough pw"}';
        return rawRequest('POST', '/api/v1/setup', json(body), body);
      },
      409,
    ],
  ];

  it.each(
    refusals,
  )('answers the next request on the connection after refusing %s', async (_label, request, status) => {
    const connection = await RawConnection.open(server.port);
    const port = connection.localPort;
    await connection.write(request());
    const refused = await connection.readResponse();
    expect(refused.status).toBe(status);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    // The same connection, not a new one: what a proxy's keep-alive pool would reuse.
    await connection.write(rawRequest('GET', '/healthz', {}));
    const next = await connection.readResponse(5_000);
    expect(next.status).toBe(200);
    expect(JSON.parse(next.body)).toEqual({ status: 'ok' });
    expect(connection.localPort).toBe(port);
    connection.close();
  });

  it('answers the next request on the connection after a 429', async () => {
    const connection = await RawConnection.open(server.port);
    const body = JSON.stringify({ email: 'guess@example.com', password: 'not the password' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await connection.write(
        rawRequest(
          'POST',
          '/api/auth/sign-in/email',
          { 'content-type': 'application/json', origin: server.url },
          body,
        ),
      );
      statuses.push((await connection.readResponse()).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    await connection.write(rawRequest('GET', '/healthz', {}));
    expect((await connection.readResponse(5_000)).status).toBe(200);
    connection.close();
  });

  it('closes the connection after refusing a body that announces more than it will read', async () => {
    const connection = await RawConnection.open(server.port);
    await connection.write(
      rawRequest('PUT', '/api/v1/me/avatar', {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(64 * 1024 * 1024),
        origin: server.url,
      }),
    );
    const refused = await connection.readResponse();
    expect(refused.status).toBe(401);
    expect(refused.headers.connection).toBe('close');
    await connection.waitForClose(5_000);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('cuts off a client that never finishes its headers', async () => {
    const connection = await RawConnection.open(server.port);
    await connection.write('GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\nx-slow: ');
    // HTTP_HEADERS_TIMEOUT_MS is 1 s here; Node answers 408 and closes.
    const timedOut = await connection.readResponse(6_000);
    expect(timedOut.status).toBe(408);
    await connection.waitForClose(2_000);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('cuts off a client that never finishes its body', async () => {
    const connection = await RawConnection.open(server.port);
    await connection.write(
      'POST /api/v1/leads HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
        `origin: ${server.url}\r\ncookie: ${admin.cookie}\r\ncontent-length: 100\r\n\r\n{"first`,
    );
    // HTTP_REQUEST_TIMEOUT_MS is 2 s here.
    const timedOut = await connection.readResponse(8_000);
    expect(timedOut.status).toBe(408);
    await connection.waitForClose(2_000);
    const leads = await admin.get('/api/v1/leads');
    expect(leads.body.total).toBe(0);
  });

  it('keeps an idle keep-alive connection open between requests', async () => {
    const connection = await RawConnection.open(server.port);
    for (let i = 0; i < 3; i += 1) {
      await connection.write(rawRequest('GET', '/healthz', {}));
      expect((await connection.readResponse()).status).toBe(200);
    }
    expect(connection.closed).toBe(false);
    connection.close();
  });

  it('never puts the session token in a response body', async () => {
    const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse battery' }),
    });
    expect(signIn.status).toBe(200);
    const token = decodeURIComponent(
      (signIn.headers.getSetCookie()[0] ?? '').split(';')[0]?.split('=')[1] ?? '',
    ).split('.')[0];
    expect(token?.length).toBeGreaterThan(10);
    const signInBody = await signIn.text();
    expect(signInBody).not.toContain(token);
    expect(JSON.parse(signInBody)).not.toHaveProperty('token');
    const session = await fetch(`${server.url}/api/auth/get-session`, {
      headers: { cookie: (signIn.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '' },
    });
    const sessionBody = await session.text();
    expect(JSON.parse(sessionBody).session.id).toEqual(expect.any(String));
    expect(sessionBody).not.toContain(token);
    expect(JSON.parse(sessionBody).session).not.toHaveProperty('token');
  });
});
