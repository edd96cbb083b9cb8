import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roles } from '../../../contracts/users.ts';
import { toIso } from '../../lib/time.ts';
import { testDialects } from '../../test/databases.ts';
import {
  cookieHeader,
  createTestApp,
  type Session,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/harness.ts';

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const MINUTE = 60 * 1000;

describe.each(testDialects())('sessions API on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  /** Signs the user in again from another browser; returns that browser's cookie. */
  async function otherBrowser(email: string, userAgent = SAFARI_IPHONE) {
    const response = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'user-agent': userAgent },
      body: { email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    return cookieHeader(response);
  }

  const sessionRows = (userId: string) =>
    t.ctx.db.selectFrom('sessions').selectAll().where('userId', '=', userId).execute();

  const idOfCookie = async (userId: string, cookie: string) => {
    const token = decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0];
    const row = (await sessionRows(userId)).find((session) => session.token === token);
    if (!row) throw new Error('no session for that cookie');
    return row.id;
  };

  const list = (session: Session, headers: Record<string, string> = {}) =>
    session.request('/api/v1/me/sessions', { headers });

  const revocations = (userId: string) =>
    t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entityId', '=', userId)
      .where('action', '=', 'account.sessions_revoked')
      .execute();

  describe('#listSessions', () => {
    it('lists every live session of the caller, marks the current one and hides tokens', async () => {
      const me = await t.signIn('sales');
      const phone = await otherBrowser(me.user.email);
      // The phone was used last, so it comes first.
      expect((await t.request('/api/v1/me', { cookie: phone })).statusCode).toBe(200);
      const someoneElse = await t.signIn('sales');

      const response = await list(me, { 'user-agent': CHROME_MAC });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const { data } = response.json();
      expect(data).toHaveLength(2);
      const phoneId = await idOfCookie(me.user.id, phone);
      const currentId = await idOfCookie(me.user.id, me.cookie);
      expect(data.map((s: { id: string }) => s.id).sort()).toEqual([phoneId, currentId].sort());
      expect(data.find((s: { id: string }) => s.id === phoneId)).toMatchObject({
        current: false,
        browser: 'Safari',
        os: 'iOS',
        device: 'mobile',
        ipAddress: '127.0.0.1',
      });
      expect(data.find((s: { id: string }) => s.id === currentId)).toMatchObject({
        current: true,
      });
      for (const session of data) {
        expect(Object.keys(session).sort()).toEqual(
          [
            'browser',
            'createdAt',
            'current',
            'device',
            'expiresAt',
            'id',
            'ipAddress',
            'lastSeenAt',
            'os',
          ].sort(),
        );
        expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
      }
      const tokens = (await sessionRows(me.user.id)).map((row) => row.token);
      for (const token of tokens) expect(response.body).not.toContain(token);
      const others = (await sessionRows(someoneElse.user.id)).map((row) => row.id);
      for (const id of others) expect(response.body).not.toContain(id);
    });

    it('orders by last activity and leaves out expired and too-old sessions', async () => {
      const me = await t.signIn('manager');
      const older = await otherBrowser(me.user.email, CHROME_MAC);
      const expired = await otherBrowser(me.user.email);
      const tooOld = await otherBrowser(me.user.email);
      const olderId = await idOfCookie(me.user.id, older);
      await t.ctx.db
        .updateTable('sessions')
        .set({ lastSeenAt: new Date(Date.now() - 60 * MINUTE).toISOString() })
        .where('id', '=', olderId)
        .execute();
      await t.ctx.db
        .updateTable('sessions')
        .set({ expiresAt: new Date(Date.now() - MINUTE).toISOString() })
        .where('id', '=', await idOfCookie(me.user.id, expired))
        .execute();
      await t.ctx.db
        .updateTable('sessions')
        .set({ createdAt: new Date(Date.now() - 31 * 24 * 60 * MINUTE).toISOString() })
        .where('id', '=', await idOfCookie(me.user.id, tooOld))
        .execute();

      const { data } = (await list(me)).json();
      expect(data.map((s: { id: string }) => s.id)).toEqual([
        await idOfCookie(me.user.id, me.cookie),
        olderId,
      ]);
      expect(data[1]).toMatchObject({ browser: 'Chrome', os: 'macOS', device: 'desktop' });
    });

    it('marks a session seen at most every five minutes', async () => {
      const me = await t.signIn('viewer');
      const id = await idOfCookie(me.user.id, me.cookie);
      const lastSeen = async () =>
        (
          await t.ctx.db
            .selectFrom('sessions')
            .select('lastSeenAt')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).lastSeenAt;

      expect((await me.request('/api/v1/me')).statusCode).toBe(200);
      const first = await lastSeen();
      expect(first).not.toBeNull();
      expect((await me.request('/api/v1/me')).statusCode).toBe(200);
      expect(await lastSeen()).toEqual(first);

      const stale = new Date(Date.now() - 6 * MINUTE).toISOString();
      await t.ctx.db
        .updateTable('sessions')
        .set({ lastSeenAt: stale })
        .where('id', '=', id)
        .execute();
      expect((await me.request('/api/v1/me')).statusCode).toBe(200);
      const refreshed = await lastSeen();
      expect(Date.parse(toIso(refreshed as string))).toBeGreaterThan(Date.now() - MINUTE);

      const { data } = (await list(me)).json();
      expect(Date.parse(data[0].lastSeenAt)).toBe(Date.parse(toIso(refreshed as string)));
    });
  });

  describe('#revokeSession', () => {
    it('signs out one of your other sessions', async () => {
      const me = await t.signIn('sales');
      const phone = await otherBrowser(me.user.email);
      const keep = await otherBrowser(me.user.email, CHROME_MAC);
      const phoneId = await idOfCookie(me.user.id, phone);

      const response = await me.request(`/api/v1/me/sessions/${phoneId}`, { method: 'DELETE' });
      expect(response.statusCode).toBe(204);
      expect((await t.request('/api/v1/me', { cookie: phone })).statusCode).toBe(401);
      expect((await t.request('/api/v1/me', { cookie: keep })).statusCode).toBe(200);
      expect((await me.request('/api/v1/me')).statusCode).toBe(200);
      const { data } = (await list(me)).json();
      expect(data.map((s: { id: string }) => s.id)).not.toContain(phoneId);
      expect(data).toHaveLength(2);

      const events = await revocations(me.user.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: me.user.id, ipAddress: '127.0.0.1' });
      expect(JSON.parse(String(events[0]?.details))).toEqual({ ended: 1 });
    });

    it("answers 404 for someone else's session and leaves it signed in", async () => {
      const me = await t.signIn('admin');
      const other = await t.signIn('viewer');
      const theirId = await idOfCookie(other.user.id, other.cookie);
      const response = await me.request(`/api/v1/me/sessions/${theirId}`, { method: 'DELETE' });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
      expect((await other.request('/api/v1/me')).statusCode).toBe(200);
      expect(await revocations(me.user.id)).toEqual([]);
    });

    it('answers 404 for an unknown id and 400 for one that is not an id', async () => {
      const me = await t.signIn('sales');
      const unknown = await me.request('/api/v1/me/sessions/0000-unknown', { method: 'DELETE' });
      expect(unknown.statusCode).toBe(404);
      const bad = await me.request('/api/v1/me/sessions/..%2F..%2Fetc', { method: 'DELETE' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual([{ path: 'id', message: 'Not a valid id' }]);
    });

    it('refuses to end the current session with 409 (sign-out does that)', async () => {
      const me = await t.signIn('sales');
      const id = await idOfCookie(me.user.id, me.cookie);
      const response = await me.request(`/api/v1/me/sessions/${id}`, { method: 'DELETE' });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'conflict' });
      expect((await me.request('/api/v1/me')).statusCode).toBe(200);
    });
  });

  describe('#revokeOtherSessions', () => {
    it('signs out every other session and keeps this one', async () => {
      const me = await t.signIn('sales');
      const phone = await otherBrowser(me.user.email);
      const laptop = await otherBrowser(me.user.email, CHROME_MAC);
      const colleague = await t.signIn('sales');

      const response = await me.request('/api/v1/me/sessions/revoke-others', { method: 'POST' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ ended: 2 });
      expect((await t.request('/api/v1/me', { cookie: phone })).statusCode).toBe(401);
      expect((await t.request('/api/v1/me', { cookie: laptop })).statusCode).toBe(401);
      expect((await me.request('/api/v1/me')).statusCode).toBe(200);
      expect((await colleague.request('/api/v1/me')).statusCode).toBe(200);
      expect((await list(me)).json().data).toHaveLength(1);

      const events = await revocations(me.user.id);
      expect(events).toHaveLength(1);
      expect(JSON.parse(String(events[0]?.details))).toEqual({ ended: 2 });

      const again = await me.request('/api/v1/me/sessions/revoke-others', { method: 'POST' });
      expect(again.json()).toEqual({ ended: 0 });
      expect(await revocations(me.user.id)).toHaveLength(1);
    });
  });

  describe('#authorization', () => {
    it.each(roles)('lets a %s list and end their own sessions', async (role) => {
      const me = await t.signIn(role);
      const phone = await otherBrowser(me.user.email);
      expect((await list(me)).json().data).toHaveLength(2);
      const phoneId = await idOfCookie(me.user.id, phone);
      expect(
        (await me.request(`/api/v1/me/sessions/${phoneId}`, { method: 'DELETE' })).statusCode,
      ).toBe(204);
      await otherBrowser(me.user.email);
      expect(
        (await me.request('/api/v1/me/sessions/revoke-others', { method: 'POST' })).json(),
      ).toEqual({ ended: 1 });
    });

    it('answers 401 on every route without a session', async () => {
      const me = await t.signIn('sales');
      const id = await idOfCookie(me.user.id, me.cookie);
      const responses = await Promise.all([
        t.request('/api/v1/me/sessions'),
        t.request(`/api/v1/me/sessions/${id}`, { method: 'DELETE' }),
        t.request('/api/v1/me/sessions/revoke-others', { method: 'POST' }),
        t.request('/api/v1/me/sessions', { cookie: 'leadline.session_token=forged.value' }),
      ]);
      for (const response of responses) {
        expect(response.statusCode).toBe(401);
        expect(response.json().code).toBe('unauthenticated');
      }
      expect((await me.request('/api/v1/me')).statusCode).toBe(200);
    });

    it('refuses requests from another site with 403 csrf_failed', async () => {
      const me = await t.signIn('sales');
      const phone = await otherBrowser(me.user.email);
      const phoneId = await idOfCookie(me.user.id, phone);
      const evil = { origin: 'https://evil.example' };
      const one = await me.request(`/api/v1/me/sessions/${phoneId}`, {
        method: 'DELETE',
        headers: evil,
      });
      const all = await me.request('/api/v1/me/sessions/revoke-others', {
        method: 'POST',
        headers: evil,
      });
      for (const response of [one, all]) {
        expect(response.statusCode).toBe(403);
        expect(response.json().code).toBe('csrf_failed');
      }
      expect((await t.request('/api/v1/me', { cookie: phone })).statusCode).toBe(200);
    });
  });
});
