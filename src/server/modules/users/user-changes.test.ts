import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.ts';
import { dbBool, nowIso } from '../../lib/time.ts';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';
import { auditEventsOf, userRow as userRowOf } from '../../test/queries.ts';
import { ensureAdminRemains } from './team-service.ts';

describe.each(testDialects())('users API on %s: role, name and status changes', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    admin = await t.signIn('admin', { name: 'Ada Admin' });
  });
  afterEach(async () => {
    await t.close();
  });

  const userRow = (id: string) => userRowOf(t.ctx.db, id);
  const patch = (session: Session, id: string, body: Record<string, unknown>) =>
    session.request(`/api/v1/users/${id}`, { method: 'PATCH', body });
  const signInAs = (email: string, password = TEST_PASSWORD) =>
    t.request('/api/auth/sign-in/email', { method: 'POST', body: { email, password } });
  const auditFor = (entityId: string) => auditEventsOf(t.ctx.db, entityId);
  const activeAdmins = async () =>
    (
      await t.ctx.db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('active', '=', dbBool(true))
        .execute()
    ).map((row) => row.id);

  describe('#update', () => {
    it('changes a role and a name, with an audit diff', async () => {
      const sales = await t.signIn('sales');
      const response = await patch(admin, sales.user.id, { role: 'manager', name: 'Promoted' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id: sales.user.id,
        role: 'manager',
        name: 'Promoted',
      });
      expect(await userRow(sales.user.id)).toMatchObject({ role: 'manager', name: 'Promoted' });
      const events = await auditFor(sales.user.id);
      expect(events.map((event) => event.action)).toEqual([
        'user.created',
        'auth.signed_in',
        'user.role_changed',
        'user.updated',
      ]);
      expect(JSON.parse(events[2]?.changes ?? '{}')).toEqual({ role: ['sales', 'manager'] });
      expect(JSON.parse(events[3]?.changes ?? '{}')).toEqual({
        name: [sales.user.name, 'Promoted'],
      });
      expect(events[2]?.actorId).toBe(admin.user.id);
      const me = await sales.request('/api/v1/me');
      expect(me.json()).toMatchObject({ role: 'manager' });
    });

    it('lets admins rename themselves', async () => {
      const response = await patch(admin, admin.user.id, { name: 'Ada L.' });
      expect(response.statusCode).toBe(200);
      expect((await userRow(admin.user.id)).name).toBe('Ada L.');
    });

    it.each([
      [{ role: 'manager' }],
      [{ active: false }],
      [{ name: 'Renamed', role: 'viewer' }],
    ])('refuses an admin’s own %j with 409 cannot_modify_self, changing nothing', async (body) => {
      await t.signIn('admin');
      const response = await patch(admin, admin.user.id, body);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('cannot_modify_self');
      expect(await userRow(admin.user.id)).toMatchObject({
        role: 'admin',
        active: true,
        name: 'Ada Admin',
      });
      expect((await auditFor(admin.user.id)).map((event) => event.action)).toEqual([
        'user.created',
        'auth.signed_in',
      ]);
    });

    it('accepts an admin’s own role and status when they do not change', async () => {
      const response = await patch(admin, admin.user.id, { role: 'admin', active: true });
      expect(response.statusCode).toBe(200);
    });

    it('never leaves the team without an active admin (last_admin)', async () => {
      const only = await userRow(admin.user.id);
      await expect(ensureAdminRemains(t.ctx.db, only, { role: 'sales' })).rejects.toMatchObject({
        status: 409,
        code: 'last_admin',
      });
      await expect(ensureAdminRemains(t.ctx.db, only, { active: false })).rejects.toMatchObject({
        code: 'last_admin',
      });
      await expect(ensureAdminRemains(t.ctx.db, only, {})).resolves.toBeUndefined();
      const second = await t.signIn('admin');
      await expect(
        ensureAdminRemains(t.ctx.db, await userRow(second.user.id), { role: 'sales' }),
      ).resolves.toBe(undefined);
      // Through the API a sole admin is stopped already by cannot_modify_self.
      const response = await patch(second, admin.user.id, { active: false });
      expect(response.statusCode).toBe(200);
      const last = await patch(second, second.user.id, { role: 'sales' });
      expect(last.statusCode).toBe(409);
      expect(await activeAdmins()).toEqual([second.user.id]);
    });

    it('keeps one admin when two admins demote each other at the same moment', async () => {
      const other = await t.signIn('admin', { name: 'Other Admin' });
      for (let round = 0; round < 5; round += 1) {
        const results = await Promise.all([
          patch(admin, other.user.id, { role: 'manager' }),
          patch(other, admin.user.id, { role: 'manager' }),
        ]);
        const statuses = results.map((result) => result.statusCode);
        expect(statuses.filter((status) => status === 200)).toHaveLength(1);
        const refused = results.find((result) => result.statusCode !== 200);
        expect(['403 forbidden', '409 last_admin']).toContain(
          `${refused?.statusCode} ${refused?.json().code}`,
        );
        const remaining = await activeAdmins();
        expect(remaining).toHaveLength(1);
        const winner = remaining[0] === admin.user.id ? admin : other;
        const loser = winner === admin ? other : admin;
        expect((await userRow(loser.user.id)).role).toBe('manager');
        expect((await patch(winner, loser.user.id, { role: 'admin' })).statusCode).toBe(200);
      }
    });

    it('deactivation ends the user’s sessions at once and blocks sign-in; their leads stay', async () => {
      const sales = await t.signIn('sales');
      const leadId = newId();
      const now = nowIso();
      await t.ctx.db
        .insertInto('leads')
        .values({
          id: leadId,
          firstName: 'Kept',
          lastName: 'Lead',
          ownerId: sales.user.id,
          status: 'contacted',
          statusChangedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      expect((await sales.request('/api/v1/me')).statusCode).toBe(200);
      const response = await patch(admin, sales.user.id, { active: false });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ active: false, openLeads: 1 });
      expect((await sales.request('/api/v1/me')).statusCode).toBe(401);
      const sessions = await t.ctx.db
        .selectFrom('sessions')
        .select('id')
        .where('userId', '=', sales.user.id)
        .execute();
      expect(sessions).toEqual([]);
      const refused = await signInAs(sales.user.email);
      expect(refused.statusCode).toBe(403);
      expect(refused.cookies.filter((cookie) => cookie.value !== '')).toEqual([]);
      const lead = await t.ctx.db
        .selectFrom('leads')
        .select('ownerId')
        .where('id', '=', leadId)
        .executeTakeFirstOrThrow();
      expect(lead.ownerId).toBe(sales.user.id);
      const deactivated = (await auditFor(sales.user.id)).find(
        (event) => event.action === 'user.deactivated',
      );
      expect(JSON.parse(deactivated?.changes ?? '{}')).toEqual({ active: [true, false] });
      expect(deactivated?.actorId).toBe(admin.user.id);

      const back = await patch(admin, sales.user.id, { active: true });
      expect(back.statusCode).toBe(200);
      expect(back.json().active).toBe(true);
      expect((await signInAs(sales.user.email)).statusCode).toBe(200);
      const actions = (await auditFor(sales.user.id)).map((event) => event.action);
      expect(actions.filter((action) => action.startsWith('user.'))).toEqual([
        'user.created',
        'user.deactivated',
        'user.reactivated',
      ]);
      expect(actions).toContain('auth.sign_in_failed');
    });

    it('lets another admin deactivate an admin, whose session then ends', async () => {
      const other = await t.signIn('admin');
      expect((await patch(admin, other.user.id, { active: false })).statusCode).toBe(200);
      expect((await other.request('/api/v1/users')).statusCode).toBe(401);
      expect(await activeAdmins()).toEqual([admin.user.id]);
    });

    it.each(['manager', 'sales', 'viewer'] as const)('is refused to %s users', async (role) => {
      const session = await t.signIn(role);
      const target = await t.signIn('sales');
      for (const body of [{ role: 'admin' }, { active: false }, { name: 'X' }]) {
        const response = await patch(session, target.user.id, body);
        expect(response.statusCode).toBe(403);
        expect(response.json().code).toBe('forbidden');
      }
      const own = await patch(session, session.user.id, { role: 'admin' });
      expect(own.statusCode).toBe(403);
      expect(await userRow(target.user.id)).toMatchObject({ role: 'sales', active: true });
      expect((await userRow(session.user.id)).role).toBe(role);
    });

    it('answers 404 for an unknown user, 400 for a bad body, 401 without a session', async () => {
      expect((await patch(admin, 'no-such-user', { name: 'X' })).statusCode).toBe(404);
      const bad = await patch(admin, admin.user.id, { role: 'owner', email: 'x@example.com' });
      expect(bad.statusCode).toBe(400);
      const paths = bad.json().errors.map((error: { path: string }) => error.path);
      expect(paths).toEqual(expect.arrayContaining(['role', 'email']));
      const anonymous = await t.request(`/api/v1/users/${admin.user.id}`, {
        method: 'PATCH',
        body: { name: 'X' },
      });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});
