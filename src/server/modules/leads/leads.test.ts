import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { auditEventsOf } from '../../test/queries.ts';

const grace = {
  firstName: 'Grace',
  lastName: 'Hopper',
  email: 'grace@navy.example',
  phone: '+1 202 555 0142',
  company: 'Eckert-Mauchly Computer',
  jobTitle: 'Rear Admiral',
  source: 'referral',
  value: 12500.5,
  notes: 'Met at the COBOL meeting.\nWants a demo.',
} as const;

describe.each(testDialects())('leads API on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  let sales: Session;
  let otherSales: Session;
  let viewer: Session;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    [admin, manager, sales, otherSales, viewer] = [
      await t.signIn('admin'),
      await t.signIn('manager'),
      await t.signIn('sales'),
      await t.signIn('sales'),
      await t.signIn('viewer'),
    ];
  });
  afterEach(async () => {
    await t.close();
  });

  let sequence = 0;
  const create = (session: Session, body: Record<string, unknown> = {}) => {
    sequence += 1;
    return session.request('/api/v1/leads', {
      method: 'POST',
      body: {
        firstName: 'Lead',
        lastName: `Number${sequence}`,
        email: `lead${sequence}@example.com`,
        ...body,
      },
    });
  };
  const createLead = async (session: Session, body: Record<string, unknown> = {}) => {
    const response = await create(session, body);
    expect(response.statusCode).toBe(201);
    return response.json();
  };
  const patch = (session: Session, id: string, body: Record<string, unknown>) =>
    session.request(`/api/v1/leads/${id}`, { method: 'PATCH', body });
  const list = (session: Session, query: Record<string, string> = {}) =>
    session.request('/api/v1/leads', { query });
  const auditFor = (id: string) => auditEventsOf(t.ctx.db, id);

  describe('#create', () => {
    it('creates a new lead with every field, owned by its creator, audited', async () => {
      const response = await create(admin, grace);
      expect(response.statusCode).toBe(201);
      const lead = response.json();
      expect(lead).toMatchObject({
        ...grace,
        notes: 'Met at the COBOL meeting.\nWants a demo.',
        status: 'new',
        ownerId: admin.user.id,
        owner: { id: admin.user.id, name: admin.user.name },
        createdById: admin.user.id,
        customerId: null,
        convertedAt: null,
        lostReason: null,
        can: {
          edit: true,
          delete: true,
          convert: false,
          assign: true,
          reopen: false,
          addActivity: true,
        },
        nextStatuses: ['contacted', 'qualified', 'lost'],
      });
      expect(lead.statusChangedAt).toBe(lead.createdAt);
      const row = await t.ctx.db
        .selectFrom('leads')
        .select('value')
        .where('id', '=', lead.id)
        .executeTakeFirstOrThrow();
      expect(Number(row.value)).toBe(1250050);
      const events = await auditFor(lead.id);
      expect(events.map((event) => event.action)).toEqual(['lead.created']);
      expect(JSON.parse(events[0]?.changes ?? '{}').status).toEqual([null, 'new']);
    });

    it("always gives a sales user's lead to them, whatever owner they ask for", async () => {
      const lead = await createLead(sales, { ownerId: otherSales.user.id });
      expect(lead.ownerId).toBe(sales.user.id);
      const unassigned = await createLead(sales, { ownerId: null });
      expect(unassigned.ownerId).toBe(sales.user.id);
    });

    it('lets a manager assign a new lead to an active user or to nobody', async () => {
      expect((await createLead(manager, { ownerId: sales.user.id })).owner).toEqual({
        id: sales.user.id,
        name: sales.user.name,
        avatarUrl: null,
      });
      expect((await createLead(manager, { ownerId: null })).ownerId).toBeNull();
      await t.ctx.db
        .updateTable('users')
        .set({ active: 0 })
        .where('id', '=', otherSales.user.id)
        .execute();
      const refused = await create(manager, { ownerId: otherSales.user.id });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([
        { path: 'ownerId', message: 'Choose an active user as the owner' },
      ]);
    });

    it('requires names and an email or a phone, and checks each field', async () => {
      const response = await admin.request('/api/v1/leads', {
        method: 'POST',
        body: { firstName: '', lastName: 'X', email: '', phone: '', value: 1.234, source: 'fax' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual(
        expect.arrayContaining([
          { path: 'firstName', message: 'First name is required' },
          { path: 'value', message: 'Must have at most 2 decimals' },
          { path: 'source', message: expect.stringContaining('Must be one of') },
        ]),
      );
      const noContact = await admin.request('/api/v1/leads', {
        method: 'POST',
        body: { firstName: 'A', lastName: 'B', email: '', phone: '' },
      });
      expect(noContact.json().errors).toEqual([
        { path: 'email', message: 'Give an email address or a phone number' },
      ]);
      expect((await create(admin, { email: '', phone: '555 0100' })).statusCode).toBe(201);
      expect((await create(admin, { value: -1 })).statusCode).toBe(400);
      expect((await create(admin, { status: 'qualified' })).json().errors).toEqual([
        { path: 'status', message: 'Unknown field' },
      ]);
      expect(await t.ctx.db.selectFrom('leads').select('id').execute()).toHaveLength(1);
    });

    it('is refused to viewers', async () => {
      const response = await create(viewer);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
    });
  });

  describe('#list', () => {
    it('shows a sales user only their own leads: list, total, search and filters', async () => {
      const mine = await createLead(manager, { ownerId: sales.user.id, lastName: 'Mine' });
      await createLead(manager, { ownerId: otherSales.user.id, lastName: 'Theirs' });
      await createLead(manager, { ownerId: null, lastName: 'Nobodys' });
      const page = (await list(sales)).json();
      expect(page.data.map((lead: { id: string }) => lead.id)).toEqual([mine.id]);
      expect(page.total).toBe(1);
      expect(page.canCreate).toBe(true);
      expect((await list(sales, { q: 'theirs' })).json()).toMatchObject({ data: [], total: 0 });
      expect((await list(sales, { ownerId: otherSales.user.id })).json().total).toBe(0);
      expect((await list(sales, { ownerId: 'none' })).json().total).toBe(0);
      expect((await list(sales, { ownerId: 'me' })).json().total).toBe(1);
      expect((await list(viewer)).json()).toMatchObject({ total: 3, canCreate: false });
    });

    it('filters by status list, owner (me, none, an id) and source', async () => {
      const a = await createLead(admin, { source: 'event' });
      const b = await createLead(admin, { ownerId: sales.user.id, source: 'website' });
      const c = await createLead(admin, { ownerId: null, source: 'website' });
      await patch(admin, b.id, { status: 'contacted' });
      await patch(admin, c.id, { status: 'lost', lostReason: 'Budget cut' });
      const ids = async (query: Record<string, string>) =>
        (await list(manager, query))
          .json()
          .data.map((lead: { id: string }) => lead.id)
          .sort();
      expect(await ids({ status: 'new' })).toEqual([a.id]);
      expect(await ids({ status: 'contacted,lost' })).toEqual([b.id, c.id].sort());
      expect(await ids({ ownerId: 'none' })).toEqual([c.id]);
      expect(await ids({ ownerId: sales.user.id })).toEqual([b.id]);
      expect(
        (await list(admin, { ownerId: 'me' })).json().data.map((l: { id: string }) => l.id),
      ).toEqual([a.id]);
      expect(await ids({ source: 'website' })).toEqual([b.id, c.id].sort());
      expect(await ids({ source: 'website', status: 'lost' })).toEqual([c.id]);
      const bad = await list(manager, { status: 'new,won' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0]).toMatchObject({ path: 'status.1' });
    });

    it('finds leads by the start of any word of names, company, email and phone', async () => {
      const lead = await createLead(admin, grace);
      await createLead(admin, {
        firstName: 'Alan',
        lastName: 'Turing',
        email: 'alan@bletchley.example',
        phone: '',
      });
      const found = async (q: string) =>
        (await list(admin, { q })).json().data.map((item: { id: string }) => item.id);
      for (const q of [
        'grace',
        'HOP',
        'grace hopper',
        'eckert',
        'mauchly',
        'navy',
        'grace@navy.example',
        '0142',
        '202555',
        'hopp gra',
      ]) {
        expect(await found(q), q).toEqual([lead.id]);
      }
      expect(await found('hopper turing')).toEqual([]);
      expect(await found('%')).toEqual([]);
      expect((await list(admin, { q: 'grace' })).json().total).toBe(1);
    });

    it('keeps search current when a lead is renamed', async () => {
      const lead = await createLead(admin, grace);
      await patch(admin, lead.id, { lastName: 'Murray' });
      expect((await list(admin, { q: 'hopper' })).json().total).toBe(0);
      expect((await list(admin, { q: 'murray' })).json().total).toBe(1);
    });

    it('sorts by each key and pages through every lead exactly once', async () => {
      for (const value of [300, 100, 200, 100, 0]) await createLead(admin, { value });
      for (const sort of ['value', '-value', 'createdAt', '-updatedAt', 'lastName']) {
        const seen: { id: string; value: number }[] = [];
        let cursor: string | undefined;
        do {
          const page = (
            await list(admin, { sort, limit: '2', ...(cursor ? { cursor } : {}) })
          ).json();
          seen.push(...page.data);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(new Set(seen.map((lead) => lead.id)).size, sort).toBe(5);
        if (sort === 'value')
          expect(seen.map((lead) => lead.value)).toEqual([0, 100, 100, 200, 300]);
        if (sort === '-value')
          expect(seen.map((lead) => lead.value)).toEqual([300, 200, 100, 100, 0]);
      }
    });

    it('refuses a forged cursor and an unknown sort', async () => {
      const forged = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
      expect((await list(admin, { cursor: forged })).statusCode).toBe(400);
      expect((await list(admin, { sort: 'value', cursor: forged })).statusCode).toBe(400);
      expect((await list(admin, { sort: 'email' })).statusCode).toBe(400);
    });

    it('refuses control characters in a search and malformed owner ids (400, never a 500)', async () => {
      const queries: Record<string, string>[] = [
        { q: 'a\u0000@b.example' },
        { q: '\u0000' },
        { ownerId: 'x\u0000' },
      ];
      for (const query of queries) {
        const response = await list(admin, query);
        expect(response.statusCode, JSON.stringify(query)).toBe(400);
        expect(response.json().errors[0].path).toBe(Object.keys(query)[0]);
      }
      const board = await admin.request('/api/v1/pipeline', { query: { q: 'a\u0000@b.example' } });
      expect(board.statusCode).toBe(400);
    });
  });

  describe('#read', () => {
    it('is a 404 outside a sales user’s scope, and readable by viewers', async () => {
      const lead = await createLead(manager, { ownerId: otherSales.user.id });
      const hidden = await sales.request(`/api/v1/leads/${lead.id}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe('not_found');
      const seen = await viewer.request(`/api/v1/leads/${lead.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().can).toEqual({
        edit: false,
        delete: false,
        convert: false,
        assign: false,
        reopen: false,
        addActivity: false,
      });
      expect(seen.json().nextStatuses).toEqual([]);
      expect((await sales.request('/api/v1/leads/nope')).statusCode).toBe(404);
    });
  });

  describe('#update', () => {
    it('moves a lead through the open statuses, stamping statusChangedAt and auditing', async () => {
      const lead = await createLead(sales);
      const contacted = await patch(sales, lead.id, { status: 'contacted' });
      expect(contacted.statusCode).toBe(200);
      expect(contacted.json()).toMatchObject({
        status: 'contacted',
        nextStatuses: ['new', 'qualified', 'lost'],
      });
      expect(contacted.json().statusChangedAt > lead.statusChangedAt).toBe(true);
      const qualified = (await patch(sales, lead.id, { status: 'qualified' })).json();
      expect(qualified.can.convert).toBe(true);
      const renamed = (await patch(sales, lead.id, { company: 'Acme' })).json();
      expect(renamed.statusChangedAt).toBe(qualified.statusChangedAt);
      const events = await auditFor(lead.id);
      expect(events.map((event) => event.action)).toEqual([
        'lead.created',
        'lead.status_changed',
        'lead.status_changed',
        'lead.updated',
      ]);
      expect(JSON.parse(events[2]?.changes ?? '{}')).toEqual({
        status: ['contacted', 'qualified'],
      });
      expect(JSON.parse(events[3]?.changes ?? '{}')).toEqual({ company: ['', 'Acme'] });
    });

    it('refuses converted through an edit (422) and lost without a reason (400)', async () => {
      const lead = await createLead(admin);
      const converted = await patch(admin, lead.id, { status: 'converted' });
      expect(converted.statusCode).toBe(422);
      expect(converted.json().code).toBe('invalid_transition');
      const noReason = await patch(admin, lead.id, { status: 'lost' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().errors).toEqual([
        { path: 'lostReason', message: 'Say why the lead was lost.' },
      ]);
      expect((await patch(admin, lead.id, { lostReason: 'x' })).json().errors[0].path).toBe(
        'lostReason',
      );
      const unchanged = await admin.request(`/api/v1/leads/${lead.id}`);
      expect(unchanged.json().status).toBe('new');
    });

    it('lets only admins and managers reopen a lost lead, to New or Contacted', async () => {
      const lead = await createLead(sales);
      const lost = (
        await patch(sales, lead.id, { status: 'lost', lostReason: 'Went with a rival' })
      ).json();
      expect(lost).toMatchObject({
        status: 'lost',
        lostReason: 'Went with a rival',
        nextStatuses: [],
      });
      const bySales = await patch(sales, lead.id, { status: 'new' });
      expect(bySales.statusCode).toBe(403);
      expect((await patch(manager, lead.id, { status: 'qualified' })).statusCode).toBe(422);
      const managerView = (await manager.request(`/api/v1/leads/${lead.id}`)).json();
      expect(managerView.can.reopen).toBe(true);
      expect(managerView.nextStatuses).toEqual(['new', 'contacted']);
      const reopened = (await patch(manager, lead.id, { status: 'contacted' })).json();
      expect(reopened).toMatchObject({ status: 'contacted', lostReason: null });
      // A lost lead's reason can be corrected while it stays lost.
      await patch(sales, lead.id, { status: 'lost', lostReason: 'Budget' });
      expect((await patch(sales, lead.id, { lostReason: 'Budget frozen' })).json().lostReason).toBe(
        'Budget frozen',
      );
    });

    it('lets admins and managers reassign, and no one else', async () => {
      const lead = await createLead(manager, { ownerId: sales.user.id });
      const bySales = await patch(sales, lead.id, { ownerId: otherSales.user.id });
      expect(bySales.statusCode).toBe(403);
      const moved = await patch(manager, lead.id, { ownerId: otherSales.user.id });
      expect(moved.json().owner).toEqual({
        id: otherSales.user.id,
        name: otherSales.user.name,
        avatarUrl: null,
      });
      expect((await sales.request(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
      const events = await auditFor(lead.id);
      expect(events.at(-1)).toMatchObject({ action: 'lead.assigned' });
      expect(JSON.parse(events.at(-1)?.changes ?? '{}')).toEqual({
        ownerId: [sales.user.id, otherSales.user.id],
      });
    });

    it("hides other people's leads from sales (404) and refuses viewers (403)", async () => {
      const lead = await createLead(manager, { ownerId: otherSales.user.id });
      expect((await patch(sales, lead.id, { company: 'X' })).statusCode).toBe(404);
      expect((await patch(viewer, lead.id, { company: 'X' })).statusCode).toBe(403);
      const row = await t.ctx.db
        .selectFrom('leads')
        .select('company')
        .where('id', '=', lead.id)
        .executeTakeFirstOrThrow();
      expect(row.company).toBe('');
    });

    it('keeps an email or a phone on the lead', async () => {
      const lead = await createLead(admin, { phone: '' });
      const response = await patch(admin, lead.id, { email: '' });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { path: 'email', message: 'Give an email address or a phone number' },
      ]);
      expect((await patch(admin, lead.id, { email: '', phone: '555 0199' })).statusCode).toBe(200);
    });

    it('records nothing for an edit that changes nothing', async () => {
      const lead = await createLead(admin, grace);
      const response = await patch(admin, lead.id, { company: grace.company, value: grace.value });
      expect(response.json().updatedAt).toBe(lead.updatedAt);
      expect(await auditFor(lead.id)).toHaveLength(1);
    });
  });

  describe('#delete', () => {
    it('lets admins and managers delete, and removes the lead with its activities', async () => {
      const lead = await createLead(sales);
      await sales.request(`/api/v1/leads/${lead.id}/activities`, {
        method: 'POST',
        body: { kind: 'note', body: 'hi' },
      });
      expect(
        (await sales.request(`/api/v1/leads/${lead.id}`, { method: 'DELETE' })).statusCode,
      ).toBe(403);
      expect(
        (await viewer.request(`/api/v1/leads/${lead.id}`, { method: 'DELETE' })).statusCode,
      ).toBe(403);
      expect(
        (await manager.request(`/api/v1/leads/${lead.id}`, { method: 'DELETE' })).statusCode,
      ).toBe(204);
      expect((await manager.request(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
      expect(await t.ctx.db.selectFrom('activities').select('id').execute()).toHaveLength(0);
      expect(await t.ctx.db.selectFrom('lead_search').select('token').execute()).toHaveLength(0);
      expect((await auditFor(lead.id)).at(-1)?.action).toBe('lead.deleted');
    });
  });
});
