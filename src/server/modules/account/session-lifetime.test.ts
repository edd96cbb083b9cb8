import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toIso } from '../../lib/time.ts';
import { testDialects } from '../../test/databases.ts';
import { cookieHeader, createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const SECRET = 'a-production-secret-of-at-least-32-characters';

describe.each(testDialects())('session lifetime on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  const sessionOf = async (app: TestApp, userId: string) =>
    app.ctx.db.selectFrom('sessions').selectAll().where('userId', '=', userId).executeTakeFirst();

  const backdate = (app: TestApp, userId: string, changes: Record<string, string>) =>
    app.ctx.db.updateTable('sessions').set(changes).where('userId', '=', userId).execute();

  it('ends a session past SESSION_MAX_AGE_DAYS (default 30) however active it is', async () => {
    const me = await t.signIn('sales');
    await backdate(t, me.user.id, {
      createdAt: new Date(Date.now() - 30 * DAY - MINUTE).toISOString(),
    });
    const response = await me.request('/api/v1/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
    expect(await sessionOf(t, me.user.id)).toBeUndefined();
  });

  it('keeps a session younger than the absolute lifetime', async () => {
    const me = await t.signIn('sales');
    await backdate(t, me.user.id, { createdAt: new Date(Date.now() - 29 * DAY).toISOString() });
    expect((await me.request('/api/v1/me')).statusCode).toBe(200);
  });

  it('reads the absolute lifetime from SESSION_MAX_AGE_DAYS', async () => {
    const short = await createTestApp(dialect, { SESSION_MAX_AGE_DAYS: '2' });
    try {
      const young = await short.signIn('viewer');
      const old = await short.signIn('viewer');
      await backdate(short, young.user.id, { createdAt: new Date(Date.now() - DAY).toISOString() });
      await backdate(short, old.user.id, {
        createdAt: new Date(Date.now() - 2 * DAY - MINUTE).toISOString(),
      });
      expect((await young.request('/api/v1/me')).statusCode).toBe(200);
      expect((await old.request('/api/v1/me')).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('ends a session left idle past its expiry', async () => {
    const me = await t.signIn('manager');
    await backdate(t, me.user.id, { expiresAt: new Date(Date.now() - MINUTE).toISOString() });
    const response = await me.request('/api/v1/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
  });

  it('starts sessions with SESSION_IDLE_DAYS (default 7) to live', async () => {
    const me = await t.signIn('sales');
    const session = await sessionOf(t, me.user.id);
    const expiresIn = Date.parse(toIso(session?.expiresAt as string)) - Date.now();
    expect(expiresIn).toBeGreaterThan(7 * DAY - 5 * MINUTE);
    expect(expiresIn).toBeLessThanOrEqual(7 * DAY);

    const short = await createTestApp(dialect, { SESSION_IDLE_DAYS: '2' });
    try {
      const other = await short.signIn('sales');
      const row = await sessionOf(short, other.user.id);
      const shortIn = Date.parse(toIso(row?.expiresAt as string)) - Date.now();
      expect(shortIn).toBeGreaterThan(2 * DAY - 5 * MINUTE);
      expect(shortIn).toBeLessThanOrEqual(2 * DAY);
    } finally {
      await short.close();
    }
  });

  it('slides the expiry forward when a session is used, and sends the refreshed cookie', async () => {
    const me = await t.signIn('sales');
    // Last refreshed two days ago: due for a refresh (at most daily).
    await backdate(t, me.user.id, { expiresAt: new Date(Date.now() + 5 * DAY).toISOString() });
    const response = await me.request('/api/v1/me');
    expect(response.statusCode).toBe(200);
    const refreshed = response.cookies.find((cookie) => cookie.name === 'leadline.session_token');
    expect(refreshed).toBeDefined();
    expect(refreshed?.maxAge).toBe(7 * 24 * 60 * 60);
    const session = await sessionOf(t, me.user.id);
    expect(Date.parse(toIso(session?.expiresAt as string))).toBeGreaterThan(
      Date.now() + 7 * DAY - 5 * MINUTE,
    );
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, not Secure over plain http outside production', async () => {
    const me = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      body: { email: (await t.signIn('sales')).user.email, password: TEST_PASSWORD },
    });
    const cookie = me.cookies.find((c) => c.name === 'leadline.session_token');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
  });

  it.each<[string, Record<string, string>]>([
    ['NODE_ENV=production', { NODE_ENV: 'production', BETTER_AUTH_SECRET: SECRET }],
    ['an https PUBLIC_URL', { PUBLIC_URL: 'https://crm.example.com' }],
  ])('sets the session cookie Secure, HttpOnly and SameSite=Lax with %s', async (_, env) => {
    const secure = await createTestApp(dialect, env);
    try {
      const origin = env.PUBLIC_URL ?? 'http://localhost:3000';
      const { user } = await secure.signIn('sales');
      const response = await secure.request('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { origin },
        body: { email: user.email, password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      const header = String(response.headers['set-cookie']);
      expect(header).toMatch(/__Secure-leadline\.session_token=/);
      const cookie = response.cookies.find((c) => c.name === '__Secure-leadline.session_token');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
      // The prefixed cookie is the one the server reads back.
      const me = await secure.request('/api/v1/me', { cookie: cookieHeader(response) });
      expect(me.statusCode).toBe(200);
    } finally {
      await secure.close();
    }
  });
});
