import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadStatus } from '../../../contracts/leads.ts';
import type { TeamMember } from '../../../contracts/users.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/time.ts';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';
import { auditEventsOf, userRow as userRowOf } from '../../test/queries.ts';

const newUser = {
  name: 'Grace Hopper',
  email: 'grace@navy.example',
  role: 'manager',
  password: 'a long initial password',
};

describe.each(testDialects())('users API on %s: create, list, reassign leads', (dialect) => {
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

  describe('#create', () => {
    it('creates a user who can sign in with the initial password, audited', async () => {
      const response = await admin.request('/api/v1/users', { method: 'POST', body: newUser });
      expect(response.statusCode).toBe(201);
      const created: TeamMember = response.json();
      expect(created).toMatchObject({
        name: 'Grace Hopper',
        email: 'grace@navy.example',
        role: 'manager',
        active: true,
        avatarUrl: null,
        lastLoginAt: null,
        openLeads: 0,
        can: { edit: true, changeRole: true, deactivate: true },
      });
      expect((await userRow(created.id)).role).toBe('manager');
      expect((await signInAs('GRACE@navy.example', newUser.password)).statusCode).toBe(200);
      const events = await auditFor(created.id);
      expect(events).toMatchObject([
        { action: 'user.created', actorId: admin.user.id },
        { action: 'auth.signed_in', actorId: created.id },
      ]);
    });

    it('refuses an email already in use, in any case, under the email field', async () => {
      await admin.request('/api/v1/users', { method: 'POST', body: newUser });
      const again = await admin.request('/api/v1/users', {
        method: 'POST',
        body: { ...newUser, name: 'Other', email: 'Grace@Navy.Example' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'conflict', errors: [{ path: 'email' }] });
      const team = (await admin.request('/api/v1/users')).json();
      expect(team.total).toBe(2);
    });

    it('validates every field', async () => {
      const response = await admin.request('/api/v1/users', {
        method: 'POST',
        body: { name: ' ', email: 'nope', role: 'owner', password: 'short' },
      });
      expect(response.statusCode).toBe(400);
      const paths = response.json().errors.map((error: { path: string }) => error.path);
      expect(paths).toEqual(expect.arrayContaining(['name', 'email', 'role', 'password']));
    });

    it.each(['manager', 'sales', 'viewer'] as const)('is refused to %s users', async (role) => {
      const session = await t.signIn(role);
      const response = await session.request('/api/v1/users', { method: 'POST', body: newUser });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
      const found = await t.ctx.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', newUser.email)
        .execute();
      expect(found).toEqual([]);
    });

    it('needs a session', async () => {
      const response = await t.request('/api/v1/users', { method: 'POST', body: newUser });
      expect(response.statusCode).toBe(401);
    });
  });

  describe('#list', () => {
    it('gives admins every account detail, by name, with open leads and `can`', async () => {
      const zed = await t.signIn('sales', { name: 'zed Sales' });
      const bea = await t.signIn('viewer', { name: 'Bea Viewer' });
      await insertLead(t, zed.user.id, 'new');
      await insertLead(t, zed.user.id, 'qualified');
      await insertLead(t, zed.user.id, 'lost');
      const response = await admin.request('/api/v1/users');
      expect(response.statusCode).toBe(200);
      const team = response.json();
      expect(team).toMatchObject({ nextCursor: null, total: 3 });
      expect(team.data.map((member: TeamMember) => member.name)).toEqual([
        'Ada Admin',
        'Bea Viewer',
        'zed Sales',
      ]);
      const [self, viewer, sales] = team.data as TeamMember[];
      expect(self).toMatchObject({
        id: admin.user.id,
        email: admin.user.email,
        openLeads: 0,
        can: { edit: true, changeRole: false, deactivate: false },
      });
      expect(new Date(self?.lastLoginAt ?? '').toISOString()).toBe(self?.lastLoginAt);
      expect(viewer).toMatchObject({ id: bea.user.id, role: 'viewer', openLeads: 0 });
      expect(sales).toMatchObject({
        id: zed.user.id,
        email: zed.user.email,
        openLeads: 2,
        can: { edit: true, changeRole: true, deactivate: true },
      });
    });

    it.each([
      'manager',
      'sales',
      'viewer',
    ] as const)('shows %s users only what a picker needs', async (role) => {
      const session = await t.signIn(role);
      const response = await session.request('/api/v1/users');
      expect(response.statusCode).toBe(200);
      const team = response.json();
      expect(team.total).toBe(2);
      for (const member of team.data) {
        expect(Object.keys(member).sort()).toEqual(['active', 'avatarUrl', 'id', 'name', 'role']);
      }
      expect(response.body).not.toContain('@example.com');
    });

    it('filters by status with ?active', async () => {
      const gone = await t.signIn('sales', { name: 'Gone' });
      await patch(admin, gone.user.id, { active: false });
      const active = (await admin.request('/api/v1/users', { query: { active: 'true' } })).json();
      expect(active.data.map((member: TeamMember) => member.id)).toEqual([admin.user.id]);
      const inactive = (
        await admin.request('/api/v1/users', { query: { active: 'false' } })
      ).json();
      expect(inactive.data.map((member: TeamMember) => member.id)).toEqual([gone.user.id]);
      expect((await admin.request('/api/v1/users')).json().total).toBe(2);
      const bad = await admin.request('/api/v1/users', { query: { active: 'yes' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('active');
    });

    it('needs a session', async () => {
      expect((await t.request('/api/v1/users')).statusCode).toBe(401);
    });
  });

  describe('#reassignLeads', () => {
    const reassign = (session: Session, fromId: string, toUserId: string | null) =>
      session.request(`/api/v1/users/${fromId}/reassign-leads`, {
        method: 'POST',
        body: { toUserId },
      });
    const ownerOf = async (id: string) =>
      (
        await t.ctx.db
          .selectFrom('leads')
          .select(['ownerId', 'updatedAt'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).ownerId;

    async function leadsOf(ownerId: string) {
      const statuses: LeadStatus[] = ['new', 'contacted', 'qualified', 'converted', 'lost'];
      const ids: Record<string, string> = {};
      for (const status of statuses) ids[status] = await insertLead(t, ownerId, status);
      return ids as Record<LeadStatus, string>;
    }

    it('moves open leads to an active user, leaves converted and lost ones, audits each', async () => {
      const sales = await t.signIn('sales');
      const manager = await t.signIn('manager');
      const leads = await leadsOf(sales.user.id);
      const untouched = await insertLead(t, manager.user.id, 'new');
      const response = await reassign(admin, sales.user.id, manager.user.id);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ reassigned: 3 });
      for (const status of ['new', 'contacted', 'qualified'] as const) {
        expect(await ownerOf(leads[status])).toBe(manager.user.id);
        const events = await auditFor(leads[status]);
        expect(events).toMatchObject([
          { action: 'lead.assigned', entityType: 'lead', actorId: admin.user.id },
        ]);
        expect(JSON.parse(events[0]?.changes ?? '{}')).toEqual({
          ownerId: [sales.user.id, manager.user.id],
        });
      }
      expect(await ownerOf(leads.converted)).toBe(sales.user.id);
      expect(await ownerOf(leads.lost)).toBe(sales.user.id);
      expect(await auditFor(leads.lost)).toEqual([]);
      expect(await auditFor(untouched)).toEqual([]);
      const moved = await t.ctx.db
        .selectFrom('leads')
        .select('updatedAt')
        .where('id', '=', leads.new)
        .executeTakeFirstOrThrow();
      expect(new Date(moved.updatedAt).getTime()).toBeGreaterThan(Date.parse(OLD));
      const team = (await admin.request('/api/v1/users')).json().data as TeamMember[];
      expect(team.find((member) => member.id === sales.user.id)?.openLeads).toBe(0);
      expect(team.find((member) => member.id === manager.user.id)?.openLeads).toBe(4);
    });

    it('leaves the leads of a deactivated user unassigned with toUserId null', async () => {
      const sales = await t.signIn('sales');
      const leads = await leadsOf(sales.user.id);
      await patch(admin, sales.user.id, { active: false });
      const response = await reassign(admin, sales.user.id, null);
      expect(response.json()).toEqual({ reassigned: 3 });
      expect(await ownerOf(leads.new)).toBeNull();
      expect(JSON.parse((await auditFor(leads.new))[0]?.changes ?? '{}')).toEqual({
        ownerId: [sales.user.id, null],
      });
      expect((await reassign(admin, sales.user.id, null)).json()).toEqual({ reassigned: 0 });
    });

    it('refuses an inactive, unknown or identical target, moving nothing', async () => {
      const sales = await t.signIn('sales');
      const gone = await t.signIn('sales');
      await patch(admin, gone.user.id, { active: false });
      const leads = await leadsOf(sales.user.id);
      for (const target of [gone.user.id, 'no-such-user', sales.user.id, 'x\u0000']) {
        const response = await reassign(admin, sales.user.id, target);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({
          code: 'validation_failed',
          errors: [{ path: 'toUserId', message: expect.any(String) }],
        });
      }
      expect(await ownerOf(leads.new)).toBe(sales.user.id);
      expect((await reassign(admin, 'no-such-user', null)).statusCode).toBe(404);
      const missing = await admin.request(`/api/v1/users/${sales.user.id}/reassign-leads`, {
        method: 'POST',
        body: {},
      });
      expect(missing.statusCode).toBe(400);
    });

    it.each(['manager', 'sales', 'viewer'] as const)('is refused to %s users', async (role) => {
      const session = await t.signIn(role);
      const leadId = await insertLead(t, admin.user.id, 'new');
      const response = await reassign(session, admin.user.id, session.user.id);
      expect(response.statusCode).toBe(403);
      expect(await ownerOf(leadId)).toBe(admin.user.id);
    });

    it('needs a session', async () => {
      const response = await t.request(`/api/v1/users/${admin.user.id}/reassign-leads`, {
        method: 'POST',
        body: { toUserId: null },
      });
      expect(response.statusCode).toBe(401);
    });
  });
});

const OLD = '2026-01-01T00:00:00.000Z';

/** A lead straight into the table: the leads API is not what these tests are about. */
async function insertLead(t: TestApp, ownerId: string, status: LeadStatus): Promise<string> {
  const id = newId();
  await t.ctx.db
    .insertInto('leads')
    .values({
      id,
      firstName: 'Lead',
      lastName: status,
      ownerId,
      status,
      statusChangedAt: OLD,
      createdAt: OLD,
      updatedAt: OLD,
      ...(status === 'converted' ? { convertedAt: nowIso() } : {}),
      ...(status === 'lost' ? { lostReason: 'Went elsewhere' } : {}),
    })
    .execute();
  return id;
}
