import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roles } from '../../../contracts/users.ts';
import { testDialects } from '../../test/databases.ts';
import { cookieHeader, createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';

const NEW_PASSWORD = 'a much better passphrase';
const UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';

describe.each(testDialects())('password change API on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  const signInAs = (email: string, password: string) =>
    t.request('/api/auth/sign-in/email', { method: 'POST', body: { email, password } });

  /** A second browser of the same user. */
  async function otherSession(email: string) {
    const response = await signInAs(email, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    return cookieHeader(response);
  }

  const change = (cookie: string, body: unknown, headers: Record<string, string> = {}) =>
    t.request('/api/v1/me/password', { method: 'POST', cookie, body, headers });

  const storedHash = async (userId: string) =>
    (
      await t.ctx.db
        .selectFrom('accounts')
        .select('password')
        .where('userId', '=', userId)
        .executeTakeFirstOrThrow()
    ).password;

  const auditOf = (userId: string) =>
    t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entityId', '=', userId)
      .where('action', 'like', 'account.%')
      .execute();

  describe('#changePassword', () => {
    it('changes it, ends the other sessions and keeps this one', async () => {
      const me = await t.signIn('sales');
      const other = await otherSession(me.user.email);

      const response = await change(
        me.cookie,
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
        { 'user-agent': UA },
      );
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');

      expect((await me.request('/api/v1/me')).statusCode).toBe(200);
      const otherMe = await t.request('/api/v1/me', { cookie: other });
      expect(otherMe.statusCode).toBe(401);
      expect(otherMe.json().code).toBe('unauthenticated');

      expect((await signInAs(me.user.email, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await signInAs(me.user.email, NEW_PASSWORD)).statusCode).toBe(200);

      const events = await auditOf(me.user.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorId: me.user.id,
        action: 'account.password_changed',
        entityType: 'user',
        entityId: me.user.id,
        ipAddress: '127.0.0.1',
        userAgent: UA,
      });
      expect(JSON.parse(String(events[0]?.details))).toEqual({ endedSessions: 1 });
    });

    it('refuses a wrong current password and changes nothing', async () => {
      const me = await t.signIn('manager');
      const other = await otherSession(me.user.email);
      const before = await storedHash(me.user.id);

      const response = await change(me.cookie, {
        currentPassword: 'not my password',
        newPassword: NEW_PASSWORD,
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'currentPassword', message: 'Current password is incorrect' }],
      });

      expect(await storedHash(me.user.id)).toBe(before);
      expect((await t.request('/api/v1/me', { cookie: other })).statusCode).toBe(200);
      expect((await signInAs(me.user.email, TEST_PASSWORD)).statusCode).toBe(200);
      expect(await auditOf(me.user.id)).toEqual([]);
    });

    it.each([
      [
        { currentPassword: TEST_PASSWORD, newPassword: 'short' },
        'newPassword',
        'Must be at least 8 characters',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(129) },
        'newPassword',
        'Must be at most 128 characters',
      ],
      [{ currentPassword: TEST_PASSWORD }, 'newPassword', 'New password is required'],
      [{ newPassword: NEW_PASSWORD }, 'currentPassword', 'Current password is required'],
      [
        { currentPassword: '', newPassword: NEW_PASSWORD },
        'currentPassword',
        'Current password is required',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: 12345678 },
        'newPassword',
        'New password is required',
      ],
      [
        { currentPassword: ['x'], newPassword: NEW_PASSWORD },
        'currentPassword',
        'Current password is required',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: null },
        'newPassword',
        'New password is required',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, role: 'admin' },
        'role',
        'Unknown field',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
        'newPassword',
        'Must differ from your current password',
      ],
    ])('refuses %j naming %s', async (body, path, message) => {
      const me = await t.signIn('viewer');
      const before = await storedHash(me.user.id);
      const response = await change(me.cookie, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('validation_failed');
      expect(response.json().errors).toContainEqual({ path, message });
      expect(await storedHash(me.user.id)).toBe(before);
      expect(await auditOf(me.user.id)).toEqual([]);
    });

    it('throttles guesses of the current password with 429 and Retry-After', async () => {
      const me = await t.signIn('sales');
      const guess = (currentPassword: string) =>
        change(me.cookie, { currentPassword, newPassword: NEW_PASSWORD });
      for (let i = 0; i < 5; i += 1) expect((await guess(`guess ${i}`)).statusCode).toBe(400);

      const limited = await guess(TEST_PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('rate_limited');
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      // Even the right password waits, so a guess cannot be confirmed while limited.
      expect((await signInAs(me.user.email, NEW_PASSWORD)).statusCode).toBe(401);

      // Once the window is over, the right password works again.
      await t.ctx.db
        .updateTable('sign_in_attempts')
        .set({ windowStartedAt: Date.now() - 16 * 60 * 1000 })
        .where('key', '=', `password:${me.user.id}`)
        .execute();
      expect((await guess(TEST_PASSWORD)).statusCode).toBe(204);
    });

    it('gives the attempts back after a right current password', async () => {
      const me = await t.signIn('sales');
      for (let i = 0; i < 4; i += 1) {
        expect(
          (await change(me.cookie, { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD }))
            .statusCode,
        ).toBe(400);
      }
      expect(
        (await change(me.cookie, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }))
          .statusCode,
      ).toBe(204);
      for (let i = 0; i < 5; i += 1) {
        expect(
          (await change(me.cookie, { currentPassword: `guess ${i}`, newPassword: TEST_PASSWORD }))
            .statusCode,
        ).toBe(400);
      }
    });

    it.each(roles)('lets a %s change their own password', async (role) => {
      const me = await t.signIn(role);
      const response = await change(me.cookie, {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(response.statusCode).toBe(204);
      expect((await signInAs(me.user.email, NEW_PASSWORD)).statusCode).toBe(200);
    });

    it('requires a session', async () => {
      const response = await t.request('/api/v1/me/password', {
        method: 'POST',
        body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    });

    it('refuses a request from another site with 403 csrf_failed', async () => {
      const me = await t.signIn('sales');
      const before = await storedHash(me.user.id);
      const response = await change(
        me.cookie,
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
        { origin: 'https://evil.example' },
      );
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('csrf_failed');
      expect(await storedHash(me.user.id)).toBe(before);
    });
  });
});
