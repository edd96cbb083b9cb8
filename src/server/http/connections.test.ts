import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { serverTimeouts, trustedProxies } from './connections.ts';

describe('#serverTimeouts', () => {
  it('hands the configured timeouts to Node, checking often enough to enforce them', () => {
    expect(serverTimeouts(loadConfig({}).http)).toEqual({
      requestTimeout: 120_000,
      keepAliveTimeout: 65_000,
      http: { headersTimeout: 20_000, connectionsCheckingInterval: 5_000 },
    });
    const short = loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' });
    expect(serverTimeouts(short.http).http.connectionsCheckingInterval).toBe(250);
  });
});

describe('#trustedProxies', () => {
  /** The client IP Fastify sees for a request from `remoteAddress` with this X-Forwarded-For. */
  async function clientIp(trustProxy: string, remoteAddress: string, forwardedFor?: string) {
    const app = Fastify({
      trustProxy: trustedProxies(loadConfig({ TRUST_PROXY: trustProxy }).trustProxy),
    });
    app.get('/ip', (request) => ({ ip: request.ip }));
    const response = await app.inject({
      url: '/ip',
      remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });
    await app.close();
    return (response.json() as { ip: string }).ip;
  }

  it('believes only the entry the one proxy appended, whatever the client forged before it', async () => {
    // nginx's $proxy_add_x_forwarded_for keeps the client's own header and appends the address.
    expect(await clientIp('true', '127.0.0.1', '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(await clientIp('true', '127.0.0.1')).toBe('127.0.0.1');
  });

  it('walks as many proxies as the count says', async () => {
    expect(await clientIp('2', '10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.1')).toBe('203.0.113.7');
  });

  it('walks only through the listed proxies', async () => {
    const header = '6.6.6.6, 203.0.113.7, 10.9.9.9';
    expect(await clientIp('10.0.0.0/8', '10.1.1.1', header)).toBe('203.0.113.7');
    // A connection that is not a listed proxy is the client, whatever it claims.
    expect(await clientIp('10.0.0.0/8', '192.0.2.1', header)).toBe('192.0.2.1');
  });

  it('ignores the header when no proxy is trusted', async () => {
    expect(await clientIp('false', '192.0.2.1', '203.0.113.7')).toBe('192.0.2.1');
  });
});
