import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { isCrossSite } from './origin-check.ts';

function request(method: string, headers: Record<string, string>): FastifyRequest {
  return { method, headers, protocol: 'http', host: 'crm.local:3000' } as unknown as FastifyRequest;
}

describe('#isCrossSite', () => {
  const trusted = ['https://crm.example.com'];

  it('lets safe methods through whatever their origin', () => {
    expect(isCrossSite(request('GET', { origin: 'https://evil.example' }), trusted)).toBe(false);
  });

  it.each([
    ['the request’s own origin', { origin: 'http://crm.local:3000' }, false],
    ['a PUBLIC_URL origin', { origin: 'https://crm.example.com' }, false],
    ['another site', { origin: 'https://evil.example' }, true],
    ['the same host on another port', { origin: 'http://crm.local:4000' }, true],
    ['the same host over another scheme', { origin: 'https://crm.local:3000' }, true],
    ['an opaque origin', { origin: 'null' }, true],
    ['a garbage origin', { origin: 'not a url' }, true],
    ['a foreign Referer without Origin', { referer: 'https://evil.example/form' }, true],
    ['an own Referer without Origin', { referer: 'http://crm.local:3000/customers' }, false],
    ['neither header (not a browser)', {}, false],
  ])('POST from %s → cross-site: %s', (_, headers, expected) => {
    expect(isCrossSite(request('POST', headers), trusted)).toBe(expected);
  });

  it('judges every unsafe method', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(isCrossSite(request(method, { origin: 'https://evil.example' }), trusted)).toBe(true);
    }
  });
});
