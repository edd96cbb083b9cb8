import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { serverTimeouts, trustedProxies } from './connections.ts';

describe('#serverTimeouts', () => {
  it('defaults to 20 s for headers, 120 s for a request and 65 s of keep-alive', () => {
    const { http } = loadConfig({});
    expect(http).toEqual({ headersMs: 20_000, requestMs: 120_000, keepAliveMs: 65_000 });
    expect(serverTimeouts(http)).toEqual({
      requestTimeout: 120_000,
      keepAliveTimeout: 65_000,
      http: { headersTimeout: 20_000, connectionsCheckingInterval: 5_000 },
    });
  });

  it('checks often enough to enforce a short headers timeout', () => {
    const { http } = loadConfig({
      HTTP_HEADERS_TIMEOUT_MS: '1000',
      HTTP_REQUEST_TIMEOUT_MS: '2000',
    });
    expect(serverTimeouts(http).http.connectionsCheckingInterval).toBe(250);
  });

  it.each([
    [
      { HTTP_HEADERS_TIMEOUT_MS: 'soon' },
      'HTTP_HEADERS_TIMEOUT_MS: must be a number of milliseconds',
    ],
    [{ HTTP_REQUEST_TIMEOUT_MS: '10' }, 'HTTP_REQUEST_TIMEOUT_MS: must be between 100 and 3600000'],
    [
      { HTTP_HEADERS_TIMEOUT_MS: '30000', HTTP_REQUEST_TIMEOUT_MS: '10000' },
      'HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS',
    ],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('#trustedProxies', () => {
  it('trusts the nearest n addresses for a hop count, as Fastify does with a number', () => {
    const trust = trustedProxies(2);
    if (typeof trust !== 'function') throw new Error('expected a function');
    expect([0, 1, 2].map((hop) => trust('10.0.0.1', hop))).toEqual([true, true, false]);
  });

  it('passes a list of addresses and "off" through', () => {
    expect(trustedProxies(['10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
    expect(trustedProxies(false)).toBe(false);
  });
});
