import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

const ada = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'Ada@Analytical.example',
  phone: '+44 20 7946 0000',
  company: 'Analytical Engines Ltd',
  jobTitle: 'Analyst',
  source: 'event',
  value: 999.99,
};

describe.each(testDialects())('lead conversion and timelines on %s', (dialect) => {
  let t: TestApp;
  let manager: Session;
  let sales: Session;
  let otherSales: Session;
  let viewer: Session;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    [manager, sales, otherSales, viewer] = [
      await t.signIn('manager'),
      await t.signIn('sales'),
      await t.signIn('sales'),
      await t.signIn('viewer'),
    ];
  });
  afterEach(async () => {
    await t.close();
  });

  /** A lead owned by `owner`, moved to `qualified` by the manager. */
  async function qualifiedLead(owner: Session, body: Record<string, unknown> = {}) {
    const created = await manager.request('/api/v1/leads', {
      method: 'POST',
      body: { ...ada, ownerId: owner.user.id, ...body },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const qualified = await manager.request(`/api/v1/leads/${id}`, {
      method: 'PATCH',
      body: { status: 'qualified' },
    });
    expect(qualified.json().status).toBe('qualified');
    return qualified.json();
  }
  const convert = (session: Session, id: string, body: Record<string, unknown> = {}) =>
    session.request(`/api/v1/leads/${id}/convert`, { method: 'POST', body });
  const customers = () => t.ctx.db.selectFrom('customers').selectAll().execute();
  const actionsOf = async (id: string) =>
    (
      await t.ctx.db
        .selectFrom('audit_events')
        .select('action')
        .where('entityId', '=', id)
        .orderBy('id')
        .execute()
    ).map((event) => event.action);

  describe('#convert', () => {
    it("creates the customer from the lead, owned by the lead's owner, and locks the lead", async () => {
      const lead = await qualifiedLead(sales);
      const response = await convert(sales, lead.id);
      expect(response.statusCode).toBe(201);
      const { lead: converted, customer } = response.json();
      expect(customer).toMatchObject({
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: ada.email,
        phone: ada.phone,
        company: ada.company,
        ownerId: sales.user.id,
        leadId: lead.id,
        lead: { id: lead.id, name: 'Ada Lovelace' },
      });
      expect(converted).toMatchObject({
        status: 'converted',
        customerId: customer.id,
        can: { edit: false, delete: false, convert: false, assign: false, addActivity: true },
        nextStatuses: [],
      });
      expect(converted.convertedAt).toBe(converted.statusChangedAt);
      expect(await actionsOf(lead.id)).toContain('lead.converted');
      expect(await actionsOf(customer.id)).toEqual(['customer.created']);
      const page = await sales.request(`/api/v1/customers/${customer.id}`);
      expect(page.json().lead).toEqual({ id: lead.id, name: 'Ada Lovelace' });
    });

    it('converts once: again is 409 already_converted naming the customer', async () => {
      const lead = await qualifiedLead(sales);
      const first = (await convert(sales, lead.id)).json();
      const again = await convert(manager, lead.id);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'already_converted',
        customerId: first.customer.id,
      });
      expect(await customers()).toHaveLength(1);
    });

    it('locks a converted lead against every change and deletion, but not notes', async () => {
      const lead = await qualifiedLead(sales);
      await convert(sales, lead.id);
      for (const body of [
        { company: 'X' },
        { status: 'contacted' },
        { ownerId: otherSales.user.id },
      ]) {
        const response = await manager.request(`/api/v1/leads/${lead.id}`, {
          method: 'PATCH',
          body,
        });
        expect(response.statusCode, JSON.stringify(body)).toBe(409);
        expect(response.json().code).toBe('lead_locked');
      }
      const deletion = await manager.request(`/api/v1/leads/${lead.id}`, { method: 'DELETE' });
      expect(deletion.json().code).toBe('lead_locked');
      const note = await sales.request(`/api/v1/leads/${lead.id}/activities`, {
        method: 'POST',
        body: { kind: 'call', body: 'Welcome call done' },
      });
      expect(note.statusCode).toBe(201);
    });

    it('converts only a qualified lead (422 otherwise)', async () => {
      const created = await manager.request('/api/v1/leads', { method: 'POST', body: ada });
      const response = await convert(manager, created.json().id);
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('invalid_transition');
      expect(await customers()).toHaveLength(0);
    });

    it('refuses a same-email customer with duplicate_customer, then links to it on request', async () => {
      const existing = await manager.request('/api/v1/customers', {
        method: 'POST',
        body: { firstName: 'Augusta', lastName: 'King', email: 'ada@analytical.EXAMPLE' },
      });
      const lead = await qualifiedLead(sales);
      const duplicate = await convert(sales, lead.id);
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toMatchObject({
        code: 'duplicate_customer',
        existingCustomerId: existing.json().id,
      });
      expect((await sales.request(`/api/v1/leads/${lead.id}`)).json().status).toBe('qualified');

      const linked = await convert(sales, lead.id, { customerId: existing.json().id });
      expect(linked.statusCode).toBe(201);
      // The customer is the manager's: outside the sales user's scope, so not shown to them.
      expect(linked.json()).toMatchObject({
        lead: { status: 'converted', customerId: existing.json().id },
        customer: null,
      });
      expect(await customers()).toHaveLength(1);
      expect((await customers())[0]?.leadId).toBe(lead.id);
      expect(await actionsOf(lead.id)).toContain('lead.linked');
    });

    it('links only to a customer the caller can see or the same-email one', async () => {
      const elsewhere = await manager.request('/api/v1/customers', {
        method: 'POST',
        body: { firstName: 'Other', lastName: 'Person', email: 'other@example.com' },
      });
      const lead = await qualifiedLead(sales);
      const response = await convert(sales, lead.id, { customerId: elsewhere.json().id });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ path: 'customerId', message: 'No such customer' }]);
      expect((await sales.request(`/api/v1/leads/${lead.id}`)).json().status).toBe('qualified');
      const linked = await convert(manager, lead.id, { customerId: elsewhere.json().id });
      expect(linked.json().customer.id).toBe(elsewhere.json().id);
    });

    it('needs an email on the lead to create a customer', async () => {
      const lead = await qualifiedLead(sales, { email: '' });
      const response = await convert(sales, lead.id);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].path).toBe('email');
    });

    it('follows the role table: other sales users 404, viewers 403', async () => {
      const lead = await qualifiedLead(sales);
      expect((await convert(otherSales, lead.id)).statusCode).toBe(404);
      expect((await convert(viewer, lead.id)).statusCode).toBe(403);
      expect(await customers()).toHaveLength(0);
    });

    it('creates exactly one customer from twenty simultaneous conversions', async () => {
      const lead = await qualifiedLead(sales);
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) => convert(index % 2 ? sales : manager, lead.id)),
      );
      const statuses = responses.map((response) => response.statusCode);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(19);
      const winner = responses.find((response) => response.statusCode === 201)?.json();
      for (const response of responses.filter((r) => r.statusCode === 409)) {
        expect(response.json()).toMatchObject({
          code: 'already_converted',
          customerId: winner.customer.id,
        });
      }
      expect(await customers()).toHaveLength(1);
      expect(
        (await actionsOf(lead.id)).filter((action) => action === 'lead.converted'),
      ).toHaveLength(1);
    });

    it('never lets an edit racing a conversion change the lead once it is converted', async () => {
      for (let round = 0; round < 8; round += 1) {
        const lead = await qualifiedLead(sales, { email: `ada${round}@analytical.example` });
        const [converted, edited] = await Promise.all([
          convert(manager, lead.id),
          manager.request(`/api/v1/leads/${lead.id}`, {
            method: 'PATCH',
            body: { company: `Edited ${round}` },
          }),
        ]);
        expect(converted.statusCode).toBe(201);
        const actions = await actionsOf(lead.id);
        if (edited.statusCode === 409) {
          // Converted first: the edit was refused and nothing of it was written.
          expect(edited.json().code).toBe('lead_locked');
          expect(actions).not.toContain('lead.updated');
        } else {
          // Edited first: its change precedes the conversion in the history.
          expect(edited.statusCode).toBe(200);
          expect(actions.lastIndexOf('lead.updated')).toBeLessThan(
            actions.indexOf('lead.converted'),
          );
        }
      }
    });

    it('creates one customer when two same-email leads convert at once', async () => {
      const first = await qualifiedLead(sales);
      const second = await qualifiedLead(otherSales, { email: 'ADA@analytical.example' });
      const responses = await Promise.all([
        convert(sales, first.id),
        convert(otherSales, second.id),
      ]);
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses).toEqual([201, 409]);
      const loser = responses.find((response) => response.statusCode === 409)?.json();
      const rows = await customers();
      expect(rows).toHaveLength(1);
      expect(loser).toMatchObject({ code: 'duplicate_customer', existingCustomerId: rows[0]?.id });
      const leads = await t.ctx.db.selectFrom('leads').select('status').orderBy('status').execute();
      expect(leads.map((lead) => lead.status)).toEqual(['converted', 'qualified']);
    });
  });

  describe('#timeline', () => {
    const timeline = (session: Session, path: string, query: Record<string, string> = {}) =>
      session.request(`/api/v1/${path}/activities`, { query });
    const log = (session: Session, path: string, body: Record<string, unknown>) =>
      session.request(`/api/v1/${path}/activities`, { method: 'POST', body });

    it('shows the lead history and logged activities newest first, with names', async () => {
      const lead = await qualifiedLead(sales);
      await manager.request(`/api/v1/leads/${lead.id}`, {
        method: 'PATCH',
        body: { ownerId: otherSales.user.id, value: 1500 },
      });
      const note = await log(otherSales, `leads/${lead.id}`, {
        kind: 'meeting',
        body: 'Demo booked\nfor Tuesday',
      });
      expect(note.statusCode).toBe(201);
      expect(note.json()).toMatchObject({
        type: 'activity',
        kind: 'meeting',
        body: 'Demo booked\nfor Tuesday',
        author: { id: otherSales.user.id, name: otherSales.user.name },
      });
      const page = (await timeline(otherSales, `leads/${lead.id}`)).json();
      expect(page.total).toBe(5);
      expect(
        page.data.map((item: { type: string; action?: string }) => item.action ?? item.type),
      ).toEqual([
        'activity',
        'lead.assigned',
        'lead.updated',
        'lead.status_changed',
        'lead.created',
      ]);
      expect(page.data[1]).toMatchObject({
        actor: { id: manager.user.id, name: manager.user.name },
        changes: { owner: [sales.user.name, otherSales.user.name] },
      });
      expect(page.data[2].changes).toEqual({ value: [999.99, 1500] });
    });

    it('pages through a long timeline without losing or repeating an entry', async () => {
      const lead = await qualifiedLead(sales);
      for (let index = 0; index < 7; index += 1) {
        await log(sales, `leads/${lead.id}`, { kind: 'note', body: `note ${index}` });
      }
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = (
          await timeline(sales, `leads/${lead.id}`, { limit: '3', ...(cursor ? { cursor } : {}) })
        ).json();
        ids.push(...page.data.map((item: { id: string }) => item.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(ids).toHaveLength(9);
      expect(new Set(ids).size).toBe(9);
    });

    it('follows the record scope: 404 for other sales users, read-only for viewers', async () => {
      const lead = await qualifiedLead(sales);
      expect((await timeline(otherSales, `leads/${lead.id}`)).statusCode).toBe(404);
      expect(
        (await log(otherSales, `leads/${lead.id}`, { kind: 'note', body: 'x' })).statusCode,
      ).toBe(404);
      expect((await timeline(viewer, `leads/${lead.id}`)).statusCode).toBe(200);
      const byViewer = await log(viewer, `leads/${lead.id}`, { kind: 'note', body: 'x' });
      expect(byViewer.statusCode).toBe(403);
      const invalid = await log(sales, `leads/${lead.id}`, { kind: 'task', body: ' ' });
      expect(invalid.statusCode).toBe(400);
      expect(
        invalid
          .json()
          .errors.map((error: { path: string }) => error.path)
          .sort(),
      ).toEqual(['body', 'kind']);
      expect(await t.ctx.db.selectFrom('activities').select('id').execute()).toHaveLength(0);
    });

    it('gives customers a timeline too, including the conversion that created them', async () => {
      const lead = await qualifiedLead(sales);
      const { customer } = (await convert(sales, lead.id)).json();
      await log(sales, `customers/${customer.id}`, { kind: 'email', body: 'Sent the contract' });
      const page = (await timeline(sales, `customers/${customer.id}`)).json();
      expect(
        page.data.map((item: { action?: string; kind?: string }) => item.action ?? item.kind),
      ).toEqual(['email', 'customer.created']);
      expect((await timeline(otherSales, `customers/${customer.id}`)).statusCode).toBe(404);
      expect(
        (await log(viewer, `customers/${customer.id}`, { kind: 'note', body: 'x' })).statusCode,
      ).toBe(403);
    });
  });
});
