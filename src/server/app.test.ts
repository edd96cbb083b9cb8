import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from './test/databases.ts';
import { createTestApp, type TestApp } from './test/harness.ts';

describe.each(testDialects())('the HTTP surface on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('answers /healthz and /readyz', async () => {
    expect((await t.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.request('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('says /readyz is unavailable (503) when the database is gone', async () => {
    await t.ctx.db.destroy();
    const response = await t.request('/readyz');
    expect(response.statusCode).toBe(503);
  });

  it('publishes an OpenAPI document describing every /api/v1 route', async () => {
    const response = await t.request('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    const documented = Object.entries(
      spec.paths as Record<string, Record<string, unknown>>,
    ).flatMap(([route, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
    );
    for (const route of [
      'GET /api/v1/setup',
      'POST /api/v1/setup',
      'GET /api/v1/me',
      'PATCH /api/v1/me',
      'GET /api/v1/settings',
      'PATCH /api/v1/settings',
      'GET /api/v1/customers',
      'POST /api/v1/customers',
      'GET /api/v1/customers/{id}',
      'PATCH /api/v1/customers/{id}',
      'DELETE /api/v1/customers/{id}',
    ]) {
      expect(documented).toContain(route);
    }
    const customer = spec.components.schemas.Customer;
    expect(customer.properties.email.type).toBe('string');
    const create =
      spec.paths['/api/v1/customers'].post.requestBody.content['application/json'].schema;
    expect(create.$ref).toBe('#/components/schemas/CreateCustomerInput');
    expect(spec.components.schemas.CreateCustomerInput.properties.zipcode.maxLength).toBe(20);
    // The money limits are stated where a client reads them.
    const value = spec.components.schemas.CreateLeadInput.properties.value;
    expect(value.maximum).toBe(10_000_000_000);
    expect(value.description).toContain(
      'All leads together may be worth at most 10,000,000,000,000',
    );
  });

  it('serves a browsable API reference at /api/docs', async () => {
    const response = await t.request('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers unknown /api paths with a 404 problem', async () => {
    const response = await t.request('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('answers an over-long path id and a broken %-escape with problems that echo nothing', async () => {
    const admin = await t.signIn('admin');
    const long = await admin.request(`/api/v1/leads/${'a'.repeat(10 * 1024)}`);
    expect(long.statusCode).toBe(404);
    expect(long.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(long.json()).toMatchObject({ status: 404, code: 'not_found' });
    expect(long.body).not.toContain('aaaaaaaaaa');
    const broken = await admin.request('/api/v1/leads/%E0%A4%A');
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(broken.json()).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('refuses a body that is not JSON with a 415 problem', async () => {
    const admin = await t.signIn('admin');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await admin.request('/api/v1/customers', {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"firstName":"Ann","lastName":"Lee","email":"ann@example.com"}',
      });
      expect(response.statusCode, type).toBe(415);
      expect(response.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    }
  });

  it('refuses malformed JSON with a 400 problem and oversized bodies with 413', async () => {
    const admin = await t.signIn('admin');
    const malformed = await admin.request('/api/v1/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"firstName": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('validation_failed');
    const huge = await admin.request('/api/v1/customers', {
      method: 'POST',
      body: { firstName: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });

  it('sends security headers with a Content-Security-Policy', async () => {
    const response = await t.request('/healthz');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('ends a session past its absolute lifetime, however active', async () => {
    const session = await t.signIn('sales');
    expect((await session.request('/api/v1/me')).statusCode).toBe(200);
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000).toISOString();
    await t.ctx.db
      .updateTable('sessions')
      .set({ createdAt: longAgo })
      .where('userId', '=', session.user.id)
      .execute();
    expect((await session.request('/api/v1/me')).statusCode).toBe(401);
    const left = await t.ctx.db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', session.user.id)
      .execute();
    expect(left).toEqual([]);
  });
});
