import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/databases.ts';
import { cookieHeader, createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';

describe.each(testDialects())('accounts API on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  describe('#setup', () => {
    it('reports that setup is needed while no user exists', async () => {
      const response = await t.request('/api/v1/setup');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ needsSetup: true, allowSignup: false });
    });

    it('creates the first user as admin and signs them in', async () => {
      const response = await t.request('/api/v1/setup', {
        method: 'POST',
        body: { name: 'Ada Admin', email: 'Ada@Example.com', password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        email: 'ada@example.com',
        role: 'admin',
        active: true,
      });
      const cookie = cookieHeader(response);
      expect(response.headers['set-cookie']).toEqual(
        expect.arrayContaining([expect.stringMatching(/HttpOnly/i)]),
      );
      expect(String(response.headers['set-cookie'])).toMatch(/SameSite=Lax/i);
      const me = await t.request('/api/v1/me', { cookie });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ name: 'Ada Admin', role: 'admin' });
      expect((await t.request('/api/v1/setup')).json()).toMatchObject({ needsSetup: false });
    });

    it('refuses a second setup with 409 conflict', async () => {
      await t.signIn('viewer');
      const response = await t.request('/api/v1/setup', {
        method: 'POST',
        body: { name: 'Mallory', email: 'mallory@example.com', password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(409);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'conflict', status: 409 });
    });

    it('creates exactly one admin when two setups race', async () => {
      const attempt = (n: number) =>
        t.request('/api/v1/setup', {
          method: 'POST',
          body: { name: `Admin ${n}`, email: `admin${n}@example.com`, password: TEST_PASSWORD },
        });
      const results = await Promise.all([attempt(1), attempt(2), attempt(3)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      const count = await t.ctx.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it('answers field errors as problem+json', async () => {
      const response = await t.request('/api/v1/setup', {
        method: 'POST',
        body: { name: '', email: 'not-an-email', password: 'short' },
      });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.code).toBe('validation_failed');
      expect(body.errors).toEqual(
        expect.arrayContaining([
          { path: 'name', message: 'Name is required' },
          { path: 'email', message: 'Enter a valid email address' },
          { path: 'password', message: 'Must be at least 8 characters' },
        ]),
      );
      expect((await t.request('/api/v1/setup')).json()).toMatchObject({ needsSetup: true });
    });
  });

  describe('#sign-in', () => {
    it('signs in with the right password and out again', async () => {
      const { user, cookie } = await t.signIn('sales');
      expect((await t.request('/api/v1/me', { cookie })).json()).toMatchObject({ id: user.id });
      const out = await t.request('/api/auth/sign-out', { method: 'POST', cookie });
      expect(out.statusCode).toBe(200);
      const after = await t.request('/api/v1/me', { cookie });
      expect(after.statusCode).toBe(401);
      expect(after.json()).toMatchObject({ code: 'unauthenticated' });
    });

    it('never puts the session token in a body: sign-in, get-session and sign-up', async () => {
      const user = await t.signIn('sales');
      const signIn = await t.request('/api/auth/sign-in/email', {
        method: 'POST',
        body: { email: user.user.email, password: TEST_PASSWORD },
      });
      expect(signIn.statusCode).toBe(200);
      const token = decodeURIComponent(signIn.cookies[0]?.value ?? '').split('.')[0] ?? '';
      expect(token.length).toBeGreaterThan(10);
      expect(signIn.json()).toMatchObject({ user: { id: user.user.id } });
      expect(signIn.json()).not.toHaveProperty('token');
      expect(signIn.body).not.toContain(token);

      const session = await t.request('/api/auth/get-session', { cookie: cookieHeader(signIn) });
      expect(session.json().session).toMatchObject({ userId: user.user.id });
      expect(session.json().session).not.toHaveProperty('token');
      expect(session.body).not.toContain(token);

      const admin = await t.signIn('admin');
      await admin.request('/api/v1/settings', { method: 'PATCH', body: { allowSignup: true } });
      const signUp = await t.request('/api/auth/sign-up/email', {
        method: 'POST',
        body: { name: 'New Person', email: 'fresh@example.com', password: TEST_PASSWORD },
      });
      expect(signUp.statusCode).toBe(200);
      const signUpToken = decodeURIComponent(signUp.cookies[0]?.value ?? '').split('.')[0] ?? '';
      expect(signUp.json()).not.toHaveProperty('token');
      expect(signUp.body).not.toContain(signUpToken);
    });

    it('answers 401 for a wrong password and for an unknown email alike', async () => {
      const { user } = await t.signIn('sales');
      const wrong = await t.request('/api/auth/sign-in/email', {
        method: 'POST',
        body: { email: user.email, password: 'wrong password' },
      });
      const unknown = await t.request('/api/auth/sign-in/email', {
        method: 'POST',
        body: { email: 'nobody@example.com', password: 'wrong password' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json()).toEqual(unknown.json());
      expect(wrong.json().code).toBe('unauthenticated');
    });

    it('answers a malformed Host header with the usual 401, not a crash', async () => {
      const { user } = await t.signIn('sales');
      const response = await t.request('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { host: 'bad host^', origin: '' },
        body: { email: user.email, password: 'wrong password' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    });

    it('refuses a deactivated user', async () => {
      const { user } = await t.signIn('sales');
      await t.ctx.db.updateTable('users').set({ active: 0 }).where('id', '=', user.id).execute();
      const response = await t.request('/api/auth/sign-in/email', {
        method: 'POST',
        body: { email: user.email, password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('rate-limits sign-in attempts per IP with 429 and Retry-After, across addresses', async () => {
      let n = 0;
      const attempt = () => {
        n += 1;
        return t.request('/api/auth/sign-in/email', {
          method: 'POST',
          body: { email: `nobody${n}@example.com`, password: 'wrong password' },
        });
      };
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await attempt()).statusCode);
      expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('#sign-up', () => {
    const signUp = (app: TestApp, email = 'new@example.com') =>
      app.request('/api/auth/sign-up/email', {
        method: 'POST',
        body: { name: 'New Person', email, password: TEST_PASSWORD },
      });

    it('is refused while sign-up is disabled, creating nothing', async () => {
      const response = await signUp(t);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
      const user = await t.ctx.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'new@example.com')
        .executeTakeFirst();
      expect(user).toBeUndefined();
    });

    it('signs the new sales user in once an admin enables it', async () => {
      const admin = await t.signIn('admin');
      const enabled = await admin.request('/api/v1/settings', {
        method: 'PATCH',
        body: { allowSignup: true },
      });
      expect(enabled.statusCode).toBe(200);
      expect(enabled.json()).toMatchObject({ allowSignup: true });
      const response = await signUp(t);
      expect(response.statusCode).toBe(200);
      const me = await t.request('/api/v1/me', { cookie: cookieHeader(response) });
      expect(me.json()).toMatchObject({ email: 'new@example.com', role: 'sales' });
    });

    it('is open when ALLOW_SIGNUP=true, and refuses a taken email with 409', async () => {
      const open = await createTestApp(dialect, { ALLOW_SIGNUP: 'true' });
      try {
        expect((await open.request('/api/v1/setup')).json()).toMatchObject({ allowSignup: true });
        expect((await signUp(open)).statusCode).toBe(200);
        const again = await signUp(open, 'NEW@example.com');
        expect(again.statusCode).toBe(409);
        expect(again.json().errors).toEqual([
          { path: 'email', message: 'An account with this email already exists' },
        ]);
      } finally {
        await open.close();
      }
    });

    it('cannot choose its own role', async () => {
      const open = await createTestApp(dialect, { ALLOW_SIGNUP: 'true' });
      try {
        const response = await open.request('/api/auth/sign-up/email', {
          method: 'POST',
          body: { name: 'Eve', email: 'eve@example.com', password: TEST_PASSWORD, role: 'admin' },
        });
        expect(response.statusCode).toBe(200);
        const me = await open.request('/api/v1/me', { cookie: cookieHeader(response) });
        expect(me.json().role).toBe('sales');
      } finally {
        await open.close();
      }
    });
  });

  describe('#me', () => {
    it('updates name, title and phone but not role', async () => {
      const session = await t.signIn('sales');
      const response = await session.request('/api/v1/me', {
        method: 'PATCH',
        body: { name: 'Sam Seller', title: 'Account Executive', phone: '+1 555 0100' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ name: 'Sam Seller', title: 'Account Executive' });
      const escalate = await session.request('/api/v1/me', {
        method: 'PATCH',
        body: { role: 'admin' },
      });
      expect(escalate.statusCode).toBe(400);
      expect(escalate.json().errors).toEqual([{ path: 'role', message: 'Unknown field' }]);
    });
  });

  describe('#settings', () => {
    it.each([
      'manager',
      'sales',
      'viewer',
    ] as const)('is admin-only (%s gets 403)', async (role) => {
      const session = await t.signIn(role);
      expect((await session.request('/api/v1/settings')).statusCode).toBe(403);
      const patch = await session.request('/api/v1/settings', {
        method: 'PATCH',
        body: { allowSignup: true },
      });
      expect(patch.statusCode).toBe(403);
      expect(patch.json().code).toBe('forbidden');
    });

    it('requires a session', async () => {
      expect((await t.request('/api/v1/settings')).statusCode).toBe(401);
    });
  });
});
