import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler } from './error-handler.ts';
import { conflict } from './errors.ts';

/** A Fastify app with Leadline's error handler whose log lines are kept in `lines`. */
function appWithLog() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream } });
  registerErrorHandler(app);
  app.get('/boom', async () => {
    throw new Error('select * from users where password = $1 at /srv/leadline/secret.ts:12');
  });
  app.get('/conflict', async () => {
    throw conflict('Already there.');
  });
  return { app, lines };
}

describe('#registerErrorHandler', () => {
  it('answers an unexpected error with a bare 500 problem and logs it in full', async () => {
    const { app, lines } = appWithLog();
    const response = await app.inject({ url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toEqual({
      type: 'urn:leadline:problem:internal',
      title: 'Internal Server Error',
      status: 500,
      code: 'internal',
    });
    expect(response.body).not.toMatch(/select|secret|\.ts|stack/i);
    const logged = lines.find((line) => line.msg === 'unhandled error');
    expect(logged?.level).toBe(50);
    expect(JSON.stringify(logged?.err)).toContain('select * from users');
    await app.close();
  });

  it('answers an expected error with its own status, code and detail', async () => {
    const { app } = appWithLog();
    const response = await app.inject({ url: '/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      status: 409,
      code: 'conflict',
      detail: 'Already there.',
    });
    await app.close();
  });
});

describe('#registerErrorHandler and an unreachable database', () => {
  it.each([
    [
      'a terminated backend (57P01)',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
    ],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a connection pg lost', new Error('Connection terminated unexpectedly')],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect')],
    ['SQLite still busy', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })],
  ])('answers %s with 503 unavailable and Retry-After', async (_label, failure) => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/down', async () => {
      throw failure;
    });
    const response = await app.inject({ url: '/down' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 503, code: 'unavailable' });
    expect(response.body).not.toMatch(/ECONNREFUSED|terminat|locked/);
    await app.close();
  });

  it('keeps a query error that is not about the connection a bare 500', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/wrong', async () => {
      throw Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' });
    });
    expect((await app.inject({ url: '/wrong' })).statusCode).toBe(500);
    await app.close();
  });
});
