import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent, AuditPage } from '../../../contracts/audit.ts';
import type { AuditEntityType } from '../../db/schema.ts';
import { testDialects } from '../../test/databases.ts';
import {
  createTestApp,
  type Session,
  TEST_ORIGIN,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/harness.ts';

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 Chrome/126.0';

describe.each(testDialects())('audit log on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    admin = await t.signIn('admin', { name: 'Ada Admin' });
  });
  afterEach(async () => {
    await t.close();
  });

  /** A sign-in from a given address and browser, as a real client sends it. */
  const signInFrom = (email: string, password: string, remoteAddress = '203.0.113.7') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      remoteAddress,
      headers: { host: 'localhost:3000', origin: TEST_ORIGIN, 'user-agent': BROWSER },
      payload: { email, password },
    });

  const eventsWhere = (action: string) =>
    t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  const list = async (query: Record<string, string> = {}, session = admin) => {
    const response = await session.request('/api/v1/audit', { query });
    expect(response.statusCode).toBe(200);
    return response.json() as AuditPage;
  };

  describe('#events', () => {
    it('records a sign-in with the IP and the user agent', async () => {
      const sales = await t.signIn('sales', { name: 'Sam Sales' });
      expect((await signInFrom(sales.user.email, TEST_PASSWORD)).statusCode).toBe(200);
      const [, event] = (await eventsWhere('auth.signed_in')).filter(
        (row) => row.entityId === sales.user.id,
      );
      expect(event).toMatchObject({
        actorId: sales.user.id,
        entityType: 'user',
        entityId: sales.user.id,
        ipAddress: '203.0.113.7',
        userAgent: BROWSER,
        details: null,
      });
    });

    it('records a failed sign-in under the user, or under the address nobody has', async () => {
      const sales = await t.signIn('sales');
      expect((await signInFrom(sales.user.email, 'wrong password')).statusCode).toBe(401);
      expect((await signInFrom('Nobody@Example.com', 'wrong password')).statusCode).toBe(401);
      const events = await eventsWhere('auth.sign_in_failed');
      expect(events).toMatchObject([
        {
          actorId: null,
          entityType: 'user',
          entityId: sales.user.id,
          ipAddress: '203.0.113.7',
          userAgent: BROWSER,
        },
        {
          actorId: null,
          entityType: 'email',
          entityId: 'nobody@example.com',
          ipAddress: '203.0.113.7',
          userAgent: BROWSER,
        },
      ]);
      expect(events.map((event) => JSON.parse(event.details ?? '{}'))).toEqual([
        { email: sales.user.email, reason: 'invalid_credentials' },
        { email: 'nobody@example.com', reason: 'invalid_credentials' },
      ]);
    });

    it('records a deactivated user’s refused sign-in as deactivated', async () => {
      const sales = await t.signIn('sales');
      await admin.request(`/api/v1/users/${sales.user.id}`, {
        method: 'PATCH',
        body: { active: false },
      });
      expect((await signInFrom(sales.user.email, TEST_PASSWORD)).statusCode).toBe(403);
      const [event] = await eventsWhere('auth.sign_in_failed');
      expect(JSON.parse(event?.details ?? '{}')).toEqual({
        email: sales.user.email,
        reason: 'deactivated',
      });
    });

    it('records a sign-out', async () => {
      const sales = await t.signIn('sales');
      expect((await sales.request('/api/auth/sign-out', { method: 'POST' })).statusCode).toBe(200);
      expect(await eventsWhere('auth.signed_out')).toMatchObject([
        { actorId: sales.user.id, entityType: 'user', entityId: sales.user.id },
      ]);
    });

    it('records a role change as user.role_changed with the admin’s IP and agent', async () => {
      const sales = await t.signIn('sales');
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${sales.user.id}`,
        remoteAddress: '198.51.100.4',
        headers: {
          host: 'localhost:3000',
          origin: TEST_ORIGIN,
          cookie: admin.cookie,
          'user-agent': BROWSER,
        },
        payload: { role: 'manager' },
      });
      expect(response.statusCode).toBe(200);
      const events = await eventsWhere('user.role_changed');
      expect(events).toMatchObject([
        {
          actorId: admin.user.id,
          entityId: sales.user.id,
          ipAddress: '198.51.100.4',
          userAgent: BROWSER,
        },
      ]);
      expect(JSON.parse(events[0]?.changes ?? '{}')).toEqual({ role: ['sales', 'manager'] });
    });

    it('records the first admin’s setup sign-in', async () => {
      const fresh = await createTestApp(dialect);
      try {
        const response = await fresh.request('/api/v1/setup', {
          method: 'POST',
          body: { name: 'First', email: 'first@example.com', password: TEST_PASSWORD },
        });
        expect(response.statusCode).toBe(201);
        const events = await fresh.ctx.db
          .selectFrom('audit_events')
          .select(['action', 'details', 'ipAddress'])
          .orderBy('id')
          .execute();
        expect(events).toEqual([
          { action: 'user.created', details: null, ipAddress: null },
          { action: 'auth.signed_in', details: '{"method":"setup"}', ipAddress: '127.0.0.1' },
        ]);
      } finally {
        await fresh.close();
      }
    });
  });

  describe('#list', () => {
    it.each(['manager', 'sales', 'viewer'] as const)('refuses %s users with 403', async (role) => {
      const session = await t.signIn(role);
      const response = await session.request('/api/v1/audit');
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
    });

    it('requires a session', async () => {
      const response = await t.request('/api/v1/audit');
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    });

    it('lists events newest first with actor, entity label, changes, details and origin', async () => {
      const sales = await t.signIn('sales', { name: 'Sam Sales' });
      await signInFrom(sales.user.email, 'wrong password');
      await admin.request(`/api/v1/users/${sales.user.id}`, {
        method: 'PATCH',
        body: { role: 'manager' },
      });
      const page = await list();
      expect(page.data.map((event) => event.action).slice(0, 3)).toEqual([
        'user.role_changed',
        'auth.sign_in_failed',
        'auth.signed_in',
      ]);
      const [changed, failed] = page.data;
      expect(changed).toMatchObject({
        actor: { id: admin.user.id, name: 'Ada Admin', avatarUrl: null },
        entity: { type: 'user', id: sales.user.id, label: 'Sam Sales' },
        changes: { role: ['sales', 'manager'] },
        details: null,
      });
      expect(failed).toMatchObject({
        actor: null,
        entity: { type: 'user', id: sales.user.id, label: 'Sam Sales' },
        details: { email: sales.user.email, reason: 'invalid_credentials' },
        ipAddress: '203.0.113.7',
        userAgent: BROWSER,
      });
      expect(Date.parse(changed?.createdAt ?? '')).not.toBeNaN();
    });

    it('gives the actor the URL of their current picture, or null without one', async () => {
      const sales = await t.signIn('sales', { name: 'Sam Sales' });
      const png = await sharp({
        create: { width: 40, height: 40, channels: 3, background: '#2b8a3e' },
      })
        .png()
        .toBuffer();
      const boundary = '----leadlineAuditTest';
      const uploaded = await admin.request('/api/v1/me/avatar', {
        method: 'PUT',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n` +
              'Content-Type: image/png\r\n\r\n',
          ),
          png,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
      expect(uploaded.statusCode).toBe(200);
      const { avatarVersion } = await t.ctx.db
        .selectFrom('users')
        .select('avatarVersion')
        .where('id', '=', admin.user.id)
        .executeTakeFirstOrThrow();
      expect(avatarVersion).toEqual(expect.any(String));
      const pictureUrl = `/api/v1/users/${admin.user.id}/avatar?v=${avatarVersion}`;
      expect(uploaded.json().avatarUrl).toBe(pictureUrl);

      const page = await list({ action: 'auth.signed_in,account.avatar_changed' });
      const actorOf = (action: string, userId: string) =>
        page.data.find((event) => event.action === action && event.actor?.id === userId)?.actor;
      // Every event of a user carries the picture they have now, earlier sign-ins included.
      expect(actorOf('account.avatar_changed', admin.user.id)).toEqual({
        id: admin.user.id,
        name: 'Ada Admin',
        avatarUrl: pictureUrl,
      });
      expect(actorOf('auth.signed_in', admin.user.id)?.avatarUrl).toBe(pictureUrl);
      expect(actorOf('auth.signed_in', sales.user.id)).toEqual({
        id: sales.user.id,
        name: 'Sam Sales',
        avatarUrl: null,
      });
    });

    it('labels leads and customers by their current name, and deleted ones with null', async () => {
      const lead = await admin.request('/api/v1/leads', {
        method: 'POST',
        body: { firstName: 'Lena', lastName: 'Lead', email: 'lena@example.com' },
      });
      expect(lead.statusCode).toBe(201);
      const customer = await admin.request('/api/v1/customers', {
        method: 'POST',
        body: { firstName: 'Cora', lastName: 'Client', email: 'cora@example.com' },
      });
      expect(customer.statusCode).toBe(201);
      await admin.request(`/api/v1/customers/${customer.json().id}`, { method: 'DELETE' });
      const page = await list({ action: 'lead,customer' });
      expect(page.data.map((event) => [event.action, event.entity.label])).toEqual([
        ['customer.deleted', null],
        ['customer.created', null],
        ['lead.created', 'Lena Lead'],
      ]);
    });

    it('filters by category, by action and by several of either', async () => {
      const sales = await t.signIn('sales');
      await signInFrom('nobody@example.com', 'wrong password');
      await admin.request(`/api/v1/users/${sales.user.id}`, {
        method: 'PATCH',
        body: { role: 'viewer', name: 'Renamed' },
      });
      const actions = async (filter: string) =>
        (await list({ action: filter })).data.map((event) => event.action);
      expect(await actions('auth')).toEqual([
        'auth.sign_in_failed',
        'auth.signed_in',
        'auth.signed_in',
      ]);
      expect(await actions('team')).toEqual([
        'user.updated',
        'user.role_changed',
        'user.created',
        'user.created',
      ]);
      expect(await actions('user.role_changed')).toEqual(['user.role_changed']);
      expect(await actions('user.role_changed,auth.sign_in_failed')).toEqual([
        'user.role_changed',
        'auth.sign_in_failed',
      ]);
      expect(await actions('auth, user.role_changed')).toEqual([
        'user.role_changed',
        'auth.sign_in_failed',
        'auth.signed_in',
        'auth.signed_in',
      ]);
    });

    it('filters by user: what they did and what was done to them', async () => {
      const sales = await t.signIn('sales');
      const other = await t.signIn('viewer');
      await signInFrom(sales.user.email, 'wrong password');
      await admin.request(`/api/v1/users/${sales.user.id}`, {
        method: 'PATCH',
        body: { role: 'manager' },
      });
      const lead = await sales.request('/api/v1/leads', {
        method: 'POST',
        body: { firstName: 'Own', lastName: 'Lead', email: 'own@example.com' },
      });
      expect(lead.statusCode).toBe(201);
      const page = await list({ userId: sales.user.id });
      expect(page.data.map((event) => event.action)).toEqual([
        'lead.created',
        'user.role_changed',
        'auth.sign_in_failed',
        'auth.signed_in',
        'user.created',
      ]);
      expect(new Set(page.data.map((event) => event.id)).size).toBe(5);
      const signIns = await list({ userId: sales.user.id, action: 'auth' });
      expect(signIns.data.map((event) => event.action)).toEqual([
        'auth.sign_in_failed',
        'auth.signed_in',
      ]);
      expect((await list({ userId: other.user.id })).data.map((event) => event.action)).toEqual([
        'auth.signed_in',
        'user.created',
      ]);
    });

    it('filters by entity, an unknown address included', async () => {
      await signInFrom('guess@example.com', 'wrong password');
      await signInFrom('other@example.com', 'wrong password');
      const page = await list({ entityType: 'email', entityId: 'Guess@Example.com' });
      expect(page.data).toHaveLength(1);
      expect(page.data[0]).toMatchObject({
        action: 'auth.sign_in_failed',
        entity: { type: 'email', id: 'guess@example.com', label: null },
      });
      const adminEvents = await list({ entityType: 'user', entityId: admin.user.id });
      expect(adminEvents.data.map((event) => event.action)).toEqual([
        'auth.signed_in',
        'user.created',
      ]);
    });

    it('filters by UTC day, both ends inclusive', async () => {
      const at = (iso: string, action: string) => ({
        id: uuidv7({ msecs: Date.parse(iso) }),
        actorId: admin.user.id,
        action,
        entityType: 'settings' as AuditEntityType,
        entityId: 'settings',
        changes: null,
        details: null,
        ipAddress: null,
        userAgent: null,
        createdAt: iso,
      });
      await t.ctx.db
        .insertInto('audit_events')
        .values([
          at('2025-03-09T23:59:59.999Z', 'settings.updated'),
          at('2025-03-10T00:00:00.000Z', 'settings.updated'),
          at('2025-03-11T23:59:59.999Z', 'settings.updated'),
          at('2025-03-12T00:00:00.000Z', 'settings.updated'),
        ])
        .execute();
      const page = await list({ from: '2025-03-10', to: '2025-03-11', action: 'settings' });
      expect(page.data.map((event) => event.createdAt)).toEqual([
        '2025-03-11T23:59:59.999Z',
        '2025-03-10T00:00:00.000Z',
      ]);
      const one = await list({ from: '2025-03-12', to: '2025-03-12' });
      expect(one.data.map((event) => event.createdAt)).toEqual(['2025-03-12T00:00:00.000Z']);
      const upTo = await list({ to: '2025-03-09' });
      expect(upTo.data.map((event) => event.createdAt)).toEqual(['2025-03-09T23:59:59.999Z']);
    });

    it('pages with a cursor, with no duplicates or gaps', async () => {
      for (let i = 0; i < 12; i += 1) {
        await signInFrom(`guess${i}@example.com`, 'wrong password', `198.51.100.${i}`);
      }
      const all = await list({ limit: '200' });
      expect(all.data).toHaveLength(14);
      const seen: AuditEvent[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: AuditPage = await list({ limit: '5', ...(cursor ? { cursor } : {}) });
        seen.push(...page.data);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen.map((event) => event.id)).toEqual(all.data.map((event) => event.id));

      // The same holds for a merged filter (a user's own events and those about them).
      const byUser: string[] = [];
      cursor = null;
      do {
        const page: AuditPage = await list({
          userId: admin.user.id,
          limit: '1',
          ...(cursor ? { cursor } : {}),
        });
        byUser.push(...page.data.map((event) => event.action));
        cursor = page.nextCursor;
      } while (cursor);
      expect(byUser).toEqual(['auth.signed_in', 'user.created']);
    });

    it.each([
      [{ action: 'auth.hacked' }, 'action'],
      [{ action: ',' }, 'action'],
      [{ entityType: 'planet', entityId: 'x' }, 'entityType'],
      [{ entityType: 'user' }, 'entityId'],
      [{ entityId: 'x' }, 'entityType'],
      [{ userId: '../etc/passwd' }, 'userId'],
      [{ from: '2025-02-30' }, 'from'],
      [{ from: '2025-03-10', to: '2025-03-09' }, 'to'],
      [{ cursor: 'not-a-cursor' }, 'cursor'],
      [{ limit: '0' }, 'limit'],
    ])('refuses %j with 400 naming %s', async (query, field) => {
      const response = await admin.request('/api/v1/audit', { query });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('validation_failed');
      const paths = (response.json().errors as { path: string }[]).map((error) => error.path);
      expect(paths.some((path) => path === field || path.startsWith(`${field}.`))).toBe(true);
    });
  });
});
