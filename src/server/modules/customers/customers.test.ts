import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { auditEventsOf } from '../../test/queries.ts';

/** A cursor this server never wrote, as an attacker would craft one. */
const forgeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const ada = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@analytical.example',
  phone: '+44 20 7946 0000',
  company: 'Analytical Engines Ltd',
  address: '12 St James Square',
  city: 'London',
  state: 'Greater London',
  zipcode: 'SW1Y 4JH',
  country: 'United Kingdom',
};

describe.each(testDialects())('customers API on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    admin = await t.signIn('admin');
  });
  afterEach(async () => {
    await t.close();
  });

  const create = (session: Session, body: Record<string, unknown>) =>
    session.request('/api/v1/customers', { method: 'POST', body });

  const auditFor = (id: string) => auditEventsOf(t.ctx.db, id);

  describe('#create', () => {
    it('creates a customer with every field, owned by its creator, audited', async () => {
      const response = await create(admin, ada);
      expect(response.statusCode).toBe(201);
      const customer = response.json();
      expect(customer).toMatchObject({
        ...ada,
        ownerId: admin.user.id,
        owner: { id: admin.user.id, name: admin.user.name },
        createdById: admin.user.id,
        can: { edit: true, delete: true, assign: true },
      });
      expect(customer.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(customer.createdAt).toISOString()).toBe(customer.createdAt);
      const events = await auditFor(customer.id);
      expect(events.map((event) => event.action)).toEqual(['customer.created']);
      expect(JSON.parse(events[0]?.changes ?? '{}').email).toEqual([null, ada.email]);
    });

    it('requires names and a valid email, with a message per field', async () => {
      const response = await create(admin, { firstName: ' ', email: 'nope' });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual(
        expect.arrayContaining([
          { path: 'firstName', message: 'First name is required' },
          { path: 'lastName', message: expect.any(String) },
          { path: 'email', message: 'Enter a valid email address' },
        ]),
      );
    });

    it.each([
      ['firstName', 101],
      ['lastName', 101],
      ['email', 255],
      ['phone', 33],
      ['company', 201],
      ['address', 301],
      ['city', 101],
      ['state', 101],
      ['zipcode', 21],
      ['country', 101],
    ])('refuses %s longer than the limit (%i characters)', async (field, length) => {
      const value =
        field === 'email' ? `${'a'.repeat(length - 12)}@example.com` : 'x'.repeat(length);
      const response = await create(admin, { ...ada, [field]: value });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { path: field, message: `Must be at most ${length - 1} characters` },
      ]);
      const list = await admin.request('/api/v1/customers');
      expect(list.json().total).toBe(0);
    });

    it('refuses a duplicate email whatever its case, naming the existing customer', async () => {
      const first = (await create(admin, ada)).json();
      const response = await create(admin, { ...ada, email: 'ADA@Analytical.Example' });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        code: 'duplicate_customer',
        existingCustomerId: first.id,
        errors: [{ path: 'email', message: expect.any(String) }],
      });
      expect((await admin.request('/api/v1/customers')).json().total).toBe(1);
    });

    it('creates one customer when the same email is posted concurrently', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          create(admin, { ...ada, email: i % 2 ? ada.email : ada.email.toUpperCase() }),
        ),
      );
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
      expect((await admin.request('/api/v1/customers')).json().total).toBe(1);
    });

    it('refuses control characters, which PostgreSQL could not even store', async () => {
      const response = await create(admin, { ...ada, firstName: 'A\u0000da', city: 'Lon\ndon' });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { path: 'firstName', message: 'Must not contain control characters' },
        { path: 'city', message: 'Must not contain control characters' },
      ]);
      expect((await admin.request('/api/v1/customers')).json().total).toBe(0);
    });

    it('refuses unknown fields and hostile types', async () => {
      const response = await create(admin, { ...ada, isAdmin: true, firstName: ['Ada'] });
      expect(response.statusCode).toBe(400);
      const paths = response.json().errors.map((error: { path: string }) => error.path);
      expect(paths).toEqual(expect.arrayContaining(['firstName', 'isAdmin']));
    });

    it('lets admins choose an active owner, and refuses an unknown one', async () => {
      const sales = await t.signIn('sales');
      const assigned = await create(admin, { ...ada, ownerId: sales.user.id });
      expect(assigned.json().ownerId).toBe(sales.user.id);
      const unknown = await create(admin, { ...ada, email: 'b@example.com', ownerId: 'nobody' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([
        { path: 'ownerId', message: 'Choose an active user as the owner' },
      ]);
    });

    it('makes sales users own what they create, whatever they ask', async () => {
      const sales = await t.signIn('sales');
      const response = await create(sales, { ...ada, ownerId: admin.user.id });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        ownerId: sales.user.id,
        can: { edit: true, delete: false, assign: false },
      });
    });

    it('is refused to viewers', async () => {
      const viewer = await t.signIn('viewer');
      const response = await create(viewer, ada);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
    });

    it('needs a session', async () => {
      const response = await t.request('/api/v1/customers', { method: 'POST', body: ada });
      expect(response.statusCode).toBe(401);
    });

    it('refuses a cross-site request with 403 csrf_failed and writes nothing', async () => {
      const response = await admin.request('/api/v1/customers', {
        method: 'POST',
        body: ada,
        headers: { origin: 'https://evil.example' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('csrf_failed');
      const viaReferer = await admin.request('/api/v1/customers', {
        method: 'POST',
        body: ada,
        headers: { origin: '', referer: 'https://evil.example/page' },
      });
      expect(viaReferer.statusCode).toBe(403);
      expect((await admin.request('/api/v1/customers')).json().total).toBe(0);
    });
  });

  describe('#list', () => {
    it('refuses control characters in a search and malformed owner ids (400)', async () => {
      const queries: Record<string, string>[] = [{ q: 'ada\u0000' }, { ownerId: '\u0000' }];
      for (const query of queries) {
        const response = await admin.request('/api/v1/customers', { query });
        expect(response.statusCode, JSON.stringify(query)).toBe(400);
        expect(response.json().errors[0].path).toBe(Object.keys(query)[0]);
      }
    });

    async function seed(count: number, owner: Session = admin) {
      const made = [];
      for (let i = 0; i < count; i += 1) {
        made.push(
          (
            await create(owner, {
              firstName: `First${i}`,
              lastName: `Last${String(i).padStart(2, '0')}`,
              email: `c${i}-${owner.user.id}@example.com`,
              company: i % 2 ? 'Globex' : 'Initech',
            })
          ).json(),
        );
      }
      return made;
    }

    it('pages through every customer exactly once with a cursor', async () => {
      await seed(7);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: Record<string, string> = { limit: '3', sort: 'lastName' };
        if (cursor) query.cursor = cursor;
        const page = (await admin.request('/api/v1/customers', { query })).json();
        expect(page.total).toBe(7);
        seen.push(...page.data.map((c: { lastName: string }) => c.lastName));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(['Last00', 'Last01', 'Last02', 'Last03', 'Last04', 'Last05', 'Last06']);
    });

    it('sorts descending with a - prefix and by company', async () => {
      await seed(4);
      const desc = (
        await admin.request('/api/v1/customers', { query: { sort: '-lastName' } })
      ).json();
      expect(desc.data.map((c: { lastName: string }) => c.lastName)).toEqual([
        'Last03',
        'Last02',
        'Last01',
        'Last00',
      ]);
      const byCompany = (
        await admin.request('/api/v1/customers', { query: { sort: 'company' } })
      ).json();
      expect(byCompany.data.map((c: { company: string }) => c.company)).toEqual([
        'Globex',
        'Globex',
        'Initech',
        'Initech',
      ]);
    });

    it('searches names, email, company and phone case-insensitively', async () => {
      await create(admin, ada);
      await create(admin, { firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example' });
      const search = async (q: string) =>
        (await admin.request('/api/v1/customers', { query: { q } }))
          .json()
          .data.map((c: { firstName: string }) => c.firstName);
      expect(await search('lovelace')).toEqual(['Ada']);
      expect(await search('ada lovelace')).toEqual(['Ada']);
      expect(await search('NAVY')).toEqual(['Grace']);
      expect(await search('analytical engines')).toEqual(['Ada']);
      expect(await search('7946')).toEqual(['Ada']);
      expect(await search('%')).toEqual([]);
    });

    it('shows sales users only their own customers, and viewers everything', async () => {
      const sales = await t.signIn('sales');
      const other = await t.signIn('sales');
      await seed(2, sales);
      await seed(3, other);
      await seed(1, admin);
      const own = (await sales.request('/api/v1/customers')).json();
      expect(own.total).toBe(2);
      expect(own.data.every((c: { ownerId: string }) => c.ownerId === sales.user.id)).toBe(true);
      const peek = await sales.request('/api/v1/customers', { query: { ownerId: other.user.id } });
      expect(peek.json()).toMatchObject({ total: 0, data: [] });
      const viewer = await t.signIn('viewer');
      const all = (await viewer.request('/api/v1/customers')).json();
      expect(all.total).toBe(6);
      expect(all.canCreate).toBe(false);
      expect(all.data[0].can).toEqual({
        edit: false,
        delete: false,
        assign: false,
        addActivity: false,
      });
    });

    it('filters by owner for admins', async () => {
      const sales = await t.signIn('sales');
      await seed(2, sales);
      await seed(1, admin);
      const filtered = await admin.request('/api/v1/customers', {
        query: { ownerId: sales.user.id },
      });
      expect(filtered.json().total).toBe(2);
      const mine = await admin.request('/api/v1/customers', { query: { ownerId: 'me' } });
      expect(mine.json().total).toBe(1);
    });

    it.each([
      [{ limit: '0' }, 'limit'],
      [{ limit: '201' }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ sort: 'password' }, 'sort'],
      [{ cursor: 'not-a-cursor' }, 'cursor'],
      [{ cursor: forgeCursor(['garbage', 'id']) }, 'cursor'],
      [{ sort: 'createdAt', cursor: forgeCursor(['2026-13-45T99:00:00Z', 'id']) }, 'cursor'],
      [{ sort: 'lastName', cursor: forgeCursor([5, 'id']) }, 'cursor'],
      [{ sort: 'company', cursor: forgeCursor([{ $gt: '' }, 'id']) }, 'cursor'],
      [{ q: 'x'.repeat(201) }, 'q'],
    ])('refuses bad query %j with a 400 naming %s', async (query, path) => {
      const response = await admin.request('/api/v1/customers', { query });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].path).toBe(path);
    });
  });

  describe('#read, #update and #delete', () => {
    it('reads, edits with an audit diff, and deletes', async () => {
      const id = (await create(admin, ada)).json().id;
      expect((await admin.request(`/api/v1/customers/${id}`)).json()).toMatchObject(ada);
      const patched = await admin.request(`/api/v1/customers/${id}`, {
        method: 'PATCH',
        body: { city: 'Cambridge', phone: '' },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ city: 'Cambridge', phone: '', firstName: 'Ada' });
      const events = await auditFor(id);
      expect(events.map((e) => e.action)).toEqual(['customer.created', 'customer.updated']);
      expect(JSON.parse(events[1]?.changes ?? '{}')).toEqual({
        city: ['London', 'Cambridge'],
        phone: [ada.phone, ''],
      });
      const deleted = await admin.request(`/api/v1/customers/${id}`, { method: 'DELETE' });
      expect(deleted.statusCode).toBe(204);
      expect((await admin.request(`/api/v1/customers/${id}`)).statusCode).toBe(404);
      expect((await auditFor(id)).map((e) => e.action)).toContain('customer.deleted');
    });

    it('refuses to change the email to another customer’s, in any case', async () => {
      await create(admin, ada);
      const grace = (
        await create(admin, { firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example' })
      ).json();
      const response = await admin.request(`/api/v1/customers/${grace.id}`, {
        method: 'PATCH',
        body: { email: ada.email.toUpperCase() },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('duplicate_customer');
      expect((await admin.request(`/api/v1/customers/${grace.id}`)).json().email).toBe(
        'grace@navy.example',
      );
    });

    it('hides other owners’ customers from sales users with 404, and forbids their delete', async () => {
      const sales = await t.signIn('sales');
      const theirs = (await create(admin, ada)).json();
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', { city: 'Paris' }],
        ['DELETE', undefined],
      ] as const) {
        const response = await sales.request(`/api/v1/customers/${theirs.id}`, { method, body });
        expect(response.statusCode).toBe(404);
        expect(response.json().code).toBe('not_found');
      }
      const own = (await create(sales, { ...ada, email: 'own@example.com' })).json();
      const edit = await sales.request(`/api/v1/customers/${own.id}`, {
        method: 'PATCH',
        body: { city: 'Paris' },
      });
      expect(edit.statusCode).toBe(200);
      const reassign = await sales.request(`/api/v1/customers/${own.id}`, {
        method: 'PATCH',
        body: { ownerId: admin.user.id },
      });
      expect(reassign.statusCode).toBe(403);
      const remove = await sales.request(`/api/v1/customers/${own.id}`, { method: 'DELETE' });
      expect(remove.statusCode).toBe(403);
      expect((await sales.request(`/api/v1/customers/${own.id}`)).json().ownerId).toBe(
        sales.user.id,
      );
    });

    it('lets viewers read but not change anything', async () => {
      const viewer = await t.signIn('viewer');
      const id = (await create(admin, ada)).json().id;
      expect((await viewer.request(`/api/v1/customers/${id}`)).statusCode).toBe(200);
      const edit = await viewer.request(`/api/v1/customers/${id}`, {
        method: 'PATCH',
        body: { city: 'Paris' },
      });
      expect(edit.statusCode).toBe(403);
      expect(
        (await viewer.request(`/api/v1/customers/${id}`, { method: 'DELETE' })).statusCode,
      ).toBe(403);
    });

    it('lets managers edit and delete anyone’s customers', async () => {
      const manager = await t.signIn('manager');
      const id = (await create(admin, ada)).json().id;
      expect(
        (
          await manager.request(`/api/v1/customers/${id}`, {
            method: 'PATCH',
            body: { city: 'Oxford' },
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (await manager.request(`/api/v1/customers/${id}`, { method: 'DELETE' })).statusCode,
      ).toBe(204);
    });

    it('answers 404 for an unknown or malformed id', async () => {
      expect(
        (await admin.request('/api/v1/customers/0190f2d4-0000-7000-8000-000000000000')).statusCode,
      ).toBe(404);
      const traversal = await admin.request('/api/v1/customers/..%2F..%2Fetc%2Fpasswd');
      expect(traversal.statusCode).toBe(400);
      expect(traversal.headers['content-type']).toMatch(/problem\+json/);
    });
  });
});
