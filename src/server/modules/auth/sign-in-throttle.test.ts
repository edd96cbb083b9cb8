import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';
import {
  ACCOUNT_SIGN_IN_LIMIT,
  ACCOUNT_SIGN_IN_WINDOW_MS,
  pruneSignInAttempts,
  reserveSignInAttempt,
} from './sign-in-throttle.ts';

describe.each(testDialects())('sign-in throttling on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  let address = 0;
  /** Each call from a new IP, so Better Auth's per-IP limit never steps in. */
  const attempt = (email: string, password: string, remoteAddress?: string) => {
    address += 1;
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      remoteAddress: remoteAddress ?? `10.0.${Math.floor(address / 250) % 250}.${address % 250}`,
      headers: { host: 'localhost:3000', origin: TEST_ORIGIN },
      payload: { email, password },
    });
  };

  const failureReasons = async () =>
    (
      await t.ctx.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'auth.sign_in_failed')
        .orderBy('id')
        .execute()
    ).map((row) => (JSON.parse(row.details ?? '{}') as { reason: string }).reason);

  describe('#per account', () => {
    it('refuses the 6th attempt from anywhere with 429 and Retry-After, without checking the password', async () => {
      const { user } = await t.signIn('sales');
      for (let i = 0; i < ACCOUNT_SIGN_IN_LIMIT; i += 1) {
        expect((await attempt(user.email, 'wrong password')).statusCode).toBe(401);
      }
      const limited = await attempt(user.email.toUpperCase(), TEST_PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(limited.json()).toMatchObject({
        code: 'rate_limited',
        status: 429,
        detail: 'Too many attempts. Try again in 15 minutes.',
      });
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(ACCOUNT_SIGN_IN_WINDOW_MS / 1000 - 60);
      expect(retryAfter).toBeLessThanOrEqual(ACCOUNT_SIGN_IN_WINDOW_MS / 1000);
      expect(limited.headers['set-cookie']).toBeUndefined();
      expect(await failureReasons()).toEqual([
        ...Array(ACCOUNT_SIGN_IN_LIMIT).fill('invalid_credentials'),
        'throttled',
      ]);
    });

    it('throttles an address nobody has exactly like a user’s', async () => {
      const { user } = await t.signIn('sales');
      const run = async (email: string) => {
        const responses = [];
        for (let i = 0; i <= ACCOUNT_SIGN_IN_LIMIT; i += 1) {
          const response = await attempt(email, 'wrong password');
          responses.push([response.statusCode, response.json()]);
        }
        return responses;
      };
      expect(await run('nobody@example.com')).toEqual(await run(user.email));
    });

    it('forgives earlier failures after a successful sign-in', async () => {
      const { user } = await t.signIn('sales');
      for (let i = 0; i < ACCOUNT_SIGN_IN_LIMIT - 1; i += 1) {
        expect((await attempt(user.email, 'wrong password')).statusCode).toBe(401);
      }
      expect((await attempt(user.email, TEST_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < ACCOUNT_SIGN_IN_LIMIT; i += 1) {
        expect((await attempt(user.email, 'wrong password')).statusCode).toBe(401);
      }
      expect((await attempt(user.email, 'wrong password')).statusCode).toBe(429);
    });

    it('lets exactly the limit through when 20 wrong attempts race', async () => {
      const { user } = await t.signIn('sales');
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => attempt(user.email, 'wrong password')),
      );
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses).toEqual([
        ...Array(ACCOUNT_SIGN_IN_LIMIT).fill(401),
        ...Array(20 - ACCOUNT_SIGN_IN_LIMIT).fill(429),
      ]);
      const row = await t.ctx.db
        .selectFrom('sign_in_attempts')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ key: `account:${user.email}`, attempts: 20 });
    });

    it('starts a new window once the old one has ended', async () => {
      const start = Date.parse('2026-01-05T10:00:00Z');
      for (let i = 0; i < ACCOUNT_SIGN_IN_LIMIT; i += 1) {
        expect(await reserveSignInAttempt(t.ctx.db, 'a@example.com', start + i)).toEqual({
          allowed: true,
        });
      }
      expect(await reserveSignInAttempt(t.ctx.db, 'A@Example.com', start + 60_000)).toEqual({
        allowed: false,
        retryAfterSeconds: (ACCOUNT_SIGN_IN_WINDOW_MS - 60_000) / 1000,
      });
      const later = start + ACCOUNT_SIGN_IN_WINDOW_MS;
      expect(await reserveSignInAttempt(t.ctx.db, 'a@example.com', later)).toEqual({
        allowed: true,
      });
      const row = await t.ctx.db
        .selectFrom('sign_in_attempts')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect({ attempts: row.attempts, windowStartedAt: Number(row.windowStartedAt) }).toEqual({
        attempts: 1,
        windowStartedAt: later,
      });
    });
  });

  describe('#prune', () => {
    it('drops only the counts whose window has ended', async () => {
      const now = Date.parse('2026-01-05T10:00:00Z');
      await reserveSignInAttempt(t.ctx.db, 'old@example.com', now - ACCOUNT_SIGN_IN_WINDOW_MS);
      await reserveSignInAttempt(t.ctx.db, 'recent@example.com', now - 1000);
      expect(await pruneSignInAttempts(t.ctx.db, now)).toBe(1);
      const keys = await t.ctx.db.selectFrom('sign_in_attempts').select('key').execute();
      expect(keys).toEqual([{ key: 'account:recent@example.com' }]);
    });
  });

  describe('#per IP', () => {
    it('stops one IP spraying many addresses after 10 a minute, while other IPs go on', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        statuses.push((await attempt(`spray${i}@example.com`, 'wrong', '192.0.2.50')).statusCode);
      }
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
      const elsewhere = await attempt('spray0@example.com', 'wrong', '192.0.2.51');
      expect(elsewhere.statusCode).toBe(401);
    });
  });

  describe('#same response', () => {
    it('answers a wrong password, an unknown address and a deactivated user’s wrong password alike', async () => {
      const active = await t.signIn('sales');
      const inactive = await t.signIn('sales');
      await t.ctx.db
        .updateTable('users')
        .set({ active: 0 })
        .where('id', '=', inactive.user.id)
        .execute();
      const answers = await Promise.all(
        [active.user.email, 'nobody@example.com', inactive.user.email].map(async (email) => {
          const response = await attempt(email, 'wrong password');
          return [response.statusCode, response.headers['content-type'], response.json()];
        }),
      );
      expect(answers[0]?.[0]).toBe(401);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    });
  });
});
