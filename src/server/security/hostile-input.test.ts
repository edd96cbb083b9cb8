import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../db/connect.ts';
import { exposedAuthEndpoints } from '../modules/auth/routes.ts';
import { testDialects } from '../test/databases.ts';
import {
  createTestApp,
  type Session,
  TEST_ORIGIN,
  TEST_PASSWORD,
  type TestApp,
} from '../test/harness.ts';
import {
  fieldsOf,
  type Hostile,
  hostileBodyValues,
  hostileIds,
  hostileQueryValues,
  hostileTails,
  judge,
  leakPatterns,
  NONEXISTENT_UUID,
  poisonsPrototype,
  rawQueryTails,
  type SweptRoute,
  sweptRoutesOf,
  toJsonText,
} from './hostile-cases.ts';

/**
 * The hostile-input sweep (issue 5): every route the app registers, found as it registers them,
 * gets hostile path ids, query values and bodies. A request the route's own schema refuses must
 * be a 4xx problem+json naming the field, and all of them together must leave every table as it
 * was. Values the schema accepts (an emoji in a name, HTML as text) are data: they are sent
 * afterwards, must not be a 5xx, and a write that succeeds must store them exactly.
 */

type Expectation = 'refused' | 'accepted';

interface Case {
  route: SweptRoute;
  label: string;
  url: string;
  method: string;
  as: 'admin' | 'sales' | 'auth';
  headers?: Record<string, string>;
  payload?: string;
  expect: Expectation;
  /** The field a validation error must name (for a refusal by the route's schema). */
  field?: string;
  /** Accepted writes: the value the response must carry back under `field`. */
  stored?: unknown;
  /** A read: it may succeed whatever it carries (unknown query parameters are ignored). */
  read?: boolean;
}

interface Figures {
  requests: number;
  refused: number;
  accepted: number;
  serverErrors: number;
  endpoints: Set<string>;
}

const BATCH = 8;
/** Tables a refused request may still touch: sign-in bookkeeping and sessions sliding forward. */
const VOLATILE_TABLES = new Set([
  'sessions',
  'rate_limits',
  'sign_in_attempts',
  'kysely_migration',
  'kysely_migration_lock',
]);
const SIGN_IN_AUDIT = /sign.?in|login/i;

const figuresByDialect = new Map<Dialect, Figures>();

afterAll(() => {
  for (const [dialect, figures] of figuresByDialect) {
    console.info(
      `hostile-input sweep on ${dialect}: ${figures.requests} requests, ` +
        `${figures.endpoints.size} endpoints (method + path), ${figures.refused} refused as expected, ` +
        `${figures.accepted} accepted as data, ${figures.serverErrors} 5xx`,
    );
  }
});

async function tableNames(t: TestApp): Promise<string[]> {
  const rows =
    t.ctx.dialect === 'sqlite'
      ? await sql<{ name: string }>`
          select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          t.ctx.db,
        )
      : await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.ctx.db);
  return rows.rows.map((row) => row.name).filter((name) => !VOLATILE_TABLES.has(name));
}

/** Every row of every table (but sign-in bookkeeping), in a comparable form. */
async function snapshot(t: TestApp): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const name of (await tableNames(t)).sort()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
      t.ctx.db,
    );
    result[name] = rows
      .filter((row) => !(name === 'audit_events' && SIGN_IN_AUDIT.test(String(row.action))))
      .map((row) =>
        JSON.stringify(row, (_key, value: unknown) =>
          Buffer.isBuffer(value) ? `bytes:${value.toString('base64')}` : value,
        ),
      )
      .sort();
  }
  return result;
}

interface Seed {
  admin: Session;
  manager: Session;
  sales: Session;
  viewer: Session;
  /** A session for the auth bridge's own cases, so a sign-out cannot end the admin's. */
  bridge: Session;
  ids: { lead: string; convertedLead: string; customer: string; user: string };
  leadsCursor: string;
}

async function created(response: Promise<LightMyRequestResponse>): Promise<{ id: string }> {
  const result = await response;
  if (result.statusCode >= 300) throw new Error(`seed failed: ${result.statusCode} ${result.body}`);
  return result.json();
}

/** A realistic team: four roles, customers, leads in every status (one converted), activities. */
async function seed(t: TestApp): Promise<Seed> {
  const admin = await t.signIn('admin', { name: 'Ada Admin' });
  const manager = await t.signIn('manager', { name: 'Max Manager' });
  const sales = await t.signIn('sales', { name: 'Sam Sales' });
  const viewer = await t.signIn('viewer', { name: 'Vic Viewer' });
  const bridge = await t.signIn('viewer', { name: 'Bea Bridge' });
  const post = (url: string, body: unknown, as: Session = admin) =>
    created(as.request(url, { method: 'POST', body }));
  const patch = (url: string, body: unknown) =>
    created(admin.request(url, { method: 'PATCH', body }));

  const customer = await post('/api/v1/customers', {
    firstName: 'Cora',
    lastName: 'Customer',
    email: 'cora@example.com',
    company: 'Acme',
    city: 'Lisbon',
  });
  await post('/api/v1/customers', {
    firstName: 'Olga',
    lastName: 'Owned',
    email: 'olga@example.com',
    ownerId: sales.user.id,
  });
  const leads: Record<string, { id: string }> = {};
  for (const [index, status] of ['new', 'contacted', 'qualified', 'lost', 'converted'].entries()) {
    const lead = await post('/api/v1/leads', {
      firstName: `Lee${index}`,
      lastName: 'Lead',
      email: `lead${index}@example.com`,
      company: 'Globex',
      value: 1000 + index,
      ownerId: index % 2 === 0 ? sales.user.id : manager.user.id,
    });
    leads[status] = lead;
    if (status === 'new') continue;
    await patch(`/api/v1/leads/${lead.id}`, { status: 'contacted' });
    if (status === 'contacted') continue;
    if (status === 'lost') {
      await patch(`/api/v1/leads/${lead.id}`, { status: 'lost', lostReason: 'Budget' });
      continue;
    }
    await patch(`/api/v1/leads/${lead.id}`, { status: 'qualified' });
    if (status === 'converted') await post(`/api/v1/leads/${lead.id}/convert`, {});
  }
  const lead = leads.contacted as { id: string };
  await post(`/api/v1/leads/${lead.id}/activities`, { kind: 'call', body: 'Called them' });
  await post(`/api/v1/customers/${customer.id}/activities`, { kind: 'note', body: 'Met' });
  const page = await admin.request('/api/v1/leads?limit=1');
  return {
    admin,
    manager,
    sales,
    viewer,
    bridge,
    ids: {
      lead: lead.id,
      convertedLead: (leads.converted as { id: string }).id,
      customer: customer.id,
      user: sales.user.id,
    },
    leadsCursor: page.json().nextCursor,
  };
}

let unique = 0;
const next = () => {
  unique += 1;
  return unique;
};

/** A body each route accepts, so a case changes one field only; `{}` for routes not listed. */
function validBody(route: SweptRoute, s: Seed): Record<string, unknown> {
  const key = `${route.method} ${route.url}`;
  switch (key) {
    case 'POST /api/v1/setup':
      return { name: 'Second Setup', email: `setup${next()}@example.com`, password: TEST_PASSWORD };
    case 'PATCH /api/v1/me':
      return { name: 'Ada Admin' };
    case 'POST /api/v1/users':
      return {
        name: 'New Person',
        email: `new${next()}@example.com`,
        role: 'sales',
        password: TEST_PASSWORD,
      };
    case 'PATCH /api/v1/users/:id':
      return { name: 'Sam Sales' };
    case 'POST /api/v1/users/:id/reassign-leads':
      return { toUserId: s.manager.user.id };
    case 'PATCH /api/v1/settings':
      return { allowSignup: false };
    case 'POST /api/v1/customers':
      return { firstName: 'Cy', lastName: 'New', email: `cy${next()}@example.com` };
    case 'PATCH /api/v1/customers/:id':
      return { firstName: 'Cora' };
    case 'POST /api/v1/leads':
      return { firstName: 'Lu', lastName: 'New', phone: '+1 555 0100' };
    case 'PATCH /api/v1/leads/:id':
      return { firstName: 'Lee1' };
    case 'POST /api/v1/leads/:id/activities':
    case 'POST /api/v1/customers/:id/activities':
      return { kind: 'note', body: 'Followed up' };
    case 'POST /api/auth/sign-in/email':
      return { email: s.bridge.user.email, password: TEST_PASSWORD };
    case 'POST /api/auth/sign-up/email':
      return { name: 'Sign Up', email: `signup${next()}@example.com`, password: TEST_PASSWORD };
    default:
      return {};
  }
}

/** The real record a route's `:id` names: its module's seeded record. */
function realId(url: string, s: Seed): string {
  if (url.startsWith('/api/v1/customers/')) return s.ids.customer;
  if (url.startsWith('/api/v1/users/')) return s.ids.user;
  return s.ids.lead;
}

const withId = (url: string, id: string) => url.replace(':id', id);
const jsonHeaders = { 'content-type': 'application/json' };

/** The bridge's routes stand in for its wildcard: each exposed endpoint with its body schema. */
function expandAuthBridge(routes: SweptRoute[]): SweptRoute[] {
  return routes.flatMap((route) => {
    if (route.url !== '/api/auth/*') return [route];
    const exposed = [...exposedAuthEndpoints]
      .filter(([, endpoint]) => endpoint.method === route.method)
      .map(([url, endpoint]) => ({
        method: route.method,
        url,
        ...(endpoint.body ? { body: endpoint.body } : {}),
        hidden: true,
      }));
    return [route, ...exposed];
  });
}

function pathCases(route: SweptRoute, s: Seed): Case[] {
  const as = route.url.startsWith('/api/auth/') ? 'auth' : 'admin';
  if (route.url.endsWith('*')) {
    // A GET that climbs out of its prefix lands on the app shell, a page like any other; what
    // matters is that no file outside the web root comes back (leakPatterns).
    return hostileTails.map((tail) => ({
      route,
      label: `wildcard ${tail.slice(0, 30)}`,
      url: route.url.replace('*', tail),
      method: route.method,
      as,
      ...(route.method === 'GET'
        ? { expect: 'accepted', read: true }
        : { expect: 'refused', headers: jsonHeaders, payload: '{}' }),
    }));
  }
  if (!route.url.includes(':id')) return [];
  const payload = route.body ? toJsonText(validBody(route, s)) : undefined;
  return hostileIds.map(({ label, id, raw }) => ({
    route,
    label: `id ${label}`,
    url: withId(route.url, raw ? id : encodeURIComponent(id)),
    method: route.method,
    as,
    expect: 'refused',
    ...(payload !== undefined ? { headers: jsonHeaders, payload } : {}),
  }));
}

function queryString(entries: [string, unknown][]): string {
  return entries
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map(
        (item) => `${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`,
      ),
    )
    .join('&');
}

/**
 * Query parameters a field is only valid with, so a case changes that field alone
 * (the audit log's `entityId` needs an `entityType`).
 */
function companionQuery(route: SweptRoute, field: string): Record<string, string> {
  if (route.url === '/api/v1/audit' && field === 'entityId') return { entityType: 'lead' };
  return {};
}

function queryCases(route: SweptRoute, s: Seed): Case[] {
  if (route.method !== 'GET' || route.url.endsWith('*')) return [];
  const url = withId(route.url, realId(route.url, s));
  const as = route.url.startsWith('/api/auth/') ? 'auth' : 'admin';
  const base = { route, method: route.method, as, read: true } as const;
  const cases: Case[] = [
    {
      ...base,
      label: 'unknown and prototype keys in the query',
      url: `${url}?__proto__[role]=admin&constructor=x&toString=1&isAdmin=true`,
      expect: 'accepted',
    },
    {
      ...base,
      label: 'a JSON body on a GET',
      url,
      headers: jsonHeaders,
      payload: '{"__proto__":{"role":"admin"}}',
      expect: 'accepted',
    },
  ];
  const schema = route.querystring;
  if (!schema) return cases;
  for (const field of fieldsOf(schema)) {
    const values: Hostile[] = [...hostileQueryValues];
    if (field === 'cursor') values.push(...cursorValues(s));
    const companion = companionQuery(route, field);
    const prefix = queryString(Object.entries(companion));
    for (const [label, value] of values) {
      const verdict = judge(schema, { ...companion, [field]: value });
      const refused = !verdict.ok || (field === 'cursor' && label.startsWith('forged'));
      cases.push({
        ...base,
        label: `query ${field}=${label}`,
        url: `${url}?${prefix ? `${prefix}&` : ''}${queryString([[field, value]])}`,
        expect: refused ? 'refused' : 'accepted',
        ...(!verdict.ok ? { field } : {}),
      });
    }
    for (const [label, tail] of rawQueryTails) {
      cases.push({
        ...base,
        label: `query ${field}=${label}`,
        url: `${url}?${prefix ? `${prefix}&` : ''}${encodeURIComponent(field)}=${tail}`,
        expect: judge(schema, { ...companion, [field]: tail }).ok ? 'accepted' : 'refused',
      });
    }
  }
  return cases;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Cursors the server never wrote; "forged" ones must be refused whatever list gets them. */
function cursorValues(s: Seed): Hostile[] {
  return [
    ['forged random base64', 'SGVsbG8sIHdvcmxkIQ'],
    ['forged SQL timestamp', base64url(["2026-01-01T00:00:00Z' or 1=1 --", 'x'])],
    ['forged SQL id', base64url(['2026-01-01T00:00:00Z', "x' or '1'='1"])],
    ['forged three items', base64url(['2026-01-01T00:00:00Z', 'x', 'y'])],
    ['forged object', base64url({ __proto__: 1 })],
    ['forged long id', base64url(['2026-01-01T00:00:00Z', 'x'.repeat(300)])],
    ['forged not base64 (400 chars)', '!'.repeat(400)],
    ['very long cursor', 'A'.repeat(5_000)],
    ['cursor from another list', s.leadsCursor],
  ];
}

function bodyCases(route: SweptRoute, s: Seed, values: Hostile[]): Case[] {
  const schema = route.body;
  if (!schema || route.url.endsWith('*')) return [];
  const url = withId(route.url, realId(route.url, s));
  const as = route.url.startsWith('/api/auth/') ? 'auth' : 'admin';
  const cases: Case[] = [];
  const fields = [...fieldsOf(schema), 'unknownField', 'role', 'isAdmin'];
  for (const field of fields) {
    for (const [label, value] of values) {
      const body = { ...validBody(route, s), [field]: value };
      const payload = toJsonText(body);
      const poisoned = poisonsPrototype(payload);
      const verdict = poisoned ? null : judge(schema, JSON.parse(payload));
      const refused = poisoned || !verdict?.ok;
      const output = verdict?.ok ? (verdict.output as Record<string, unknown>)[field] : undefined;
      cases.push({
        route,
        label: `body ${field}=${label}`,
        url,
        method: route.method,
        as,
        headers: jsonHeaders,
        payload,
        expect: refused ? 'refused' : 'accepted',
        ...(refused && !poisoned ? { field } : {}),
        ...(typeof output === 'string' ? { field, stored: output } : {}),
      });
    }
  }
  return cases;
}

/** Bodies no route may take: broken JSON, poisoned keys, wrong media types, too large. */
function wholeBodyCases(route: SweptRoute, s: Seed): Case[] {
  if (route.method === 'GET' || route.url.endsWith('*')) return [];
  // Without a body schema the handler ignores a well-formed body: only the parser refuses.
  const target = route.body ? realId(route.url, s) : NONEXISTENT_UUID;
  const url = withId(route.url, target);
  const as = route.url.startsWith('/api/auth/') ? 'auth' : 'admin';
  const valid = validBody(route, s);
  const bodies: [string, string, string][] = [
    ['empty JSON body', '', 'application/json'],
    ['not JSON', '{"firstName": ', 'application/json'],
    ['single quotes', "{'a': 1}", 'application/json'],
    ['top-level __proto__', '{"__proto__":{"role":"admin"}}', 'application/json'],
    [
      'top-level constructor.prototype',
      '{"constructor":{"prototype":{"role":"admin"}}}',
      'application/json',
    ],
    [
      '__proto__ beside valid fields',
      toJsonText({ ...valid, __proto__x: 1 }).replace('"__proto__x"', '"__proto__"'),
      'application/json',
    ],
    ['2 MB body', toJsonText({ ...valid, notes: 'n'.repeat(2 * 1024 * 1024) }), 'application/json'],
  ];
  if (route.body || route.url.includes(':id')) {
    bodies.push(
      ['JSON null', 'null', 'application/json'],
      ['JSON array', '[{"role":"admin"}]', 'application/json'],
      ['JSON string', '"hello"', 'application/json'],
      ['JSON number', '1e309', 'application/json'],
      ['deep nesting', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`, 'application/json'],
      ['huge array', toJsonText(Array.from({ length: 100_000 }, () => 0)), 'application/json'],
      ['text/plain', toJsonText(valid), 'text/plain'],
      ['form-urlencoded', 'name=x&role=admin', 'application/x-www-form-urlencoded'],
      [
        'multipart',
        '--b\r\nContent-Disposition: form-data; name="role"\r\n\r\nadmin\r\n--b--\r\n',
        'multipart/form-data; boundary=b',
      ],
      ['XML', '<role>admin</role>', 'application/xml'],
    );
  }
  return bodies.map(([label, payload, type]) => ({
    route,
    label: `whole body: ${label}`,
    url,
    method: route.method,
    as,
    headers: { 'content-type': type },
    payload,
    expect: 'refused',
  }));
}

function describeCase(c: Case): string {
  return `${c.as} ${c.method} ${c.route.url} — ${c.label}`;
}

/** What a response must look like; an empty list when it does. */
function problemsWith(c: Case, response: LightMyRequestResponse): string[] {
  const issues: string[] = [];
  const status = response.statusCode;
  if (status >= 500) issues.push(`answered ${status}`);
  if (c.expect === 'refused' && status < 400) issues.push(`was not refused (${status})`);
  for (const pattern of leakPatterns) {
    if (pattern.test(response.body))
      issues.push(`leaks ${pattern}: ${response.body.slice(0, 200)}`);
  }
  if (status >= 400 && status < 500) {
    if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
      issues.push(`content type ${response.headers['content-type']}`);
      return issues;
    }
    const body = response.json() as {
      status?: unknown;
      title?: unknown;
      code?: unknown;
      errors?: { path: string }[];
    };
    if (body.status !== status) issues.push(`problem status ${String(body.status)}`);
    if (typeof body.title !== 'string' || typeof body.code !== 'string') {
      issues.push('problem without title or code');
    }
    if (c.field && c.expect === 'refused' && status === 400) {
      const named = (body.errors ?? []).some(
        (error) => error.path === c.field || error.path.startsWith(`${c.field}.`),
      );
      if (!named) issues.push(`does not name ${c.field}: ${response.body.slice(0, 200)}`);
    }
  }
  if (c.expect === 'accepted' && c.stored !== undefined && c.field && status < 300) {
    const body = response.json() as Record<string, unknown>;
    // An optional profile field cleared with '' reads back as null (no title), by design.
    const cleared = c.stored === '' && body[c.field] === null;
    if (c.field in body && body[c.field] !== c.stored && !cleared) {
      issues.push(
        `stored ${JSON.stringify(body[c.field])?.slice(0, 80)} instead of the value sent`,
      );
    }
  }
  return issues;
}

async function run(t: TestApp, s: Seed, cases: Case[], figures: Figures): Promise<string[]> {
  const failures: string[] = [];
  const sessions = { admin: s.admin, sales: s.sales, auth: s.bridge };
  for (let start = 0; start < cases.length; start += BATCH) {
    const batch = cases.slice(start, start + BATCH);
    const responses = await Promise.all(
      batch.map((c) =>
        t.app.inject({
          method: c.method as 'GET',
          url: c.url,
          headers: {
            host: 'localhost:3000',
            origin: TEST_ORIGIN,
            cookie: sessions[c.as].cookie,
            ...c.headers,
          },
          ...(c.payload !== undefined ? { payload: c.payload } : {}),
        }),
      ),
    );
    batch.forEach((c, index) => {
      const response = responses[index] as LightMyRequestResponse;
      figures.requests += 1;
      figures.endpoints.add(`${c.method} ${c.route.url}`);
      if (response.statusCode >= 500) figures.serverErrors += 1;
      if (response.statusCode >= 400) figures.refused += 1;
      else figures.accepted += 1;
      for (const issue of problemsWith(c, response)) failures.push(`${describeCase(c)}: ${issue}`);
    });
  }
  return failures;
}

const isWrite = (c: Case) => c.method !== 'GET' && !c.read;

describe.each(testDialects())('hostile-input sweep on %s', (dialect) => {
  it('refuses every hostile request with a 4xx problem, changes nothing, and stores accepted text exactly', async () => {
    const routes: SweptRoute[] = [];
    const webRoot = mkdtempSync(path.join(tmpdir(), 'leadline-web-'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Leadline</title>');
    const t = await createTestApp(
      dialect,
      {},
      {
        webRoot,
        onRoute: (route) => routes.push(...sweptRoutesOf(route)),
      },
    );
    try {
      const s = await seed(t);
      const all = expandAuthBridge(routes);
      // The sweep reaches the whole surface: the API, the auth bridge, setup, the reference.
      const paths = new Set(all.map((route) => `${route.method} ${route.url}`));
      for (const expected of [
        'POST /api/v1/leads',
        'PATCH /api/v1/customers/:id',
        'POST /api/auth/sign-in/email',
        'POST /api/auth/sign-up/email',
        'POST /api/auth/sign-out',
        'GET /api/auth/get-session',
        'POST /api/v1/setup',
        'GET /api/docs/static/*',
      ]) {
        expect(paths).toContain(expected);
      }

      const adminCases = all.flatMap((route) => [
        ...pathCases(route, s),
        ...queryCases(route, s),
        ...bodyCases(route, s, hostileBodyValues),
        ...wholeBodyCases(route, s),
      ]);
      // A sales user gets the same paths and bodies on the API, and a sample of the field values.
      const salesSample = hostileBodyValues.filter((_value, index) => index % 4 === 0);
      const salesCases = all
        .filter((route) => route.url.startsWith('/api/v1/'))
        .flatMap((route) => [
          ...pathCases(route, s),
          ...bodyCases(route, s, salesSample),
          ...wholeBodyCases(route, s),
        ])
        .map((c): Case => ({ ...c, as: 'sales' }));
      const cases = [...adminCases, ...salesCases];
      const withoutWrites = cases.filter((c) => c.expect === 'refused' || !isWrite(c));
      const acceptedWrites = cases.filter((c) => c.expect === 'accepted' && isWrite(c));

      const figures: Figures = {
        requests: 0,
        refused: 0,
        accepted: 0,
        serverErrors: 0,
        endpoints: new Set(),
      };
      figuresByDialect.set(dialect, figures);

      const before = await snapshot(t);
      const refusalFailures = await run(t, s, withoutWrites, figures);
      expect(refusalFailures).toEqual([]);
      expect(await snapshot(t)).toEqual(before);

      const acceptedFailures = await run(t, s, acceptedWrites, figures);
      expect(acceptedFailures).toEqual([]);
      expect(figures.serverErrors).toBe(0);
      expect([...figures.endpoints].sort()).toEqual([...paths].sort());
    } finally {
      await t.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  }, 180_000);
});
