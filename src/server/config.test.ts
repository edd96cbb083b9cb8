import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveAuthSecret } from './config.ts';

describe('#loadConfig', () => {
  it('has working defaults: port 3000, SQLite under ./data, sign-up off', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({
      dialect: 'sqlite',
      file: path.resolve('data/leadline.db'),
      synchronous: 'normal',
    });
    expect(config.allowSignupFromEnv).toBe(false);
    expect(config.publicOrigins).toEqual([]);
    expect(config.session).toEqual({ maxAgeDays: 30, idleDays: 7 });
  });

  it('reads PostgreSQL URLs, origins and flags', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://crm@db:5432/crm',
      PUBLIC_URL: 'https://crm.example.com/, http://localhost:3000',
      ALLOW_SIGNUP: 'true',
      PORT: '8080',
    });
    expect(config.database).toEqual({
      dialect: 'postgres',
      connectionString: 'postgres://crm@db:5432/crm',
    });
    expect(config.publicOrigins).toEqual(['https://crm.example.com', 'http://localhost:3000']);
    expect(config.allowSignupFromEnv).toBe(true);
    expect(config.port).toBe(8080);
  });

  it('lets SQLite wait for the disk on every commit with SQLITE_SYNCHRONOUS=full', () => {
    expect(loadConfig({ SQLITE_SYNCHRONOUS: 'full' }).database).toMatchObject({
      dialect: 'sqlite',
      synchronous: 'full',
    });
    expect(loadConfig({ SQLITE_SYNCHRONOUS: ' FULL ' }).database).toMatchObject({
      synchronous: 'full',
    });
    expect(loadConfig({ SQLITE_SYNCHRONOUS: '' }).database).toMatchObject({
      synchronous: 'normal',
    });
    // PostgreSQL's durability is its own server's setting.
    expect(
      loadConfig({ DATABASE_URL: 'postgres://crm@db/crm', SQLITE_SYNCHRONOUS: 'full' }).database,
    ).toEqual({ dialect: 'postgres', connectionString: 'postgres://crm@db/crm' });
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      /SQLITE_SYNCHRONOUS: must be normal or full \(got "off"\)/,
    );
  });

  it('names every bad variable in one message', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        PUBLIC_URL: 'ftp://x',
        LOG_LEVEL: 'loud',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/PORT: .*"eighty"/);
      expect(message).toMatch(/DATABASE_URL: must be file:/);
      expect(message).toMatch(/PUBLIC_URL: must be an http\(s\) URL/);
      expect(message).toMatch(/LOG_LEVEL/);
    }
  });

  it('requires BETTER_AUTH_SECRET in production, and a long one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/BETTER_AUTH_SECRET: is required/);
    expect(() => loadConfig({ BETTER_AUTH_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(
      loadConfig({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(32) }).authSecret,
    ).toHaveLength(32);
  });
});

describe('#loadConfig TRUST_PROXY', () => {
  const trustProxy = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;

  it('is off by default, and for false, 0, no and empty', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    for (const value of ['false', 'FALSE', '0', 'no', '', '  ']) {
      expect(trustProxy(value)).toBe(false);
    }
  });

  it('takes true and yes as one proxy: only the hop it appended is believed', () => {
    expect(trustProxy('true')).toBe(1);
    expect(trustProxy('yes')).toBe(1);
    expect(trustProxy(' True ')).toBe(1);
  });

  it('takes a number of proxies from 1 to 10', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('10')).toBe(10);
  });

  it('takes a comma-separated list of proxy addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(trustProxy('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(trustProxy('fd00::/8')).toEqual(['fd00::/8']);
    expect(trustProxy('::1,192.168.1.10/32')).toEqual(['::1', '192.168.1.10/32']);
  });

  it.each([
    ['11', 'more proxies than the 10 it counts'],
    ['300.1.1.1', 'an IPv4 address out of range'],
    ['10.0.0.0/33', 'an IPv4 range wider than 32 bits'],
    ['fd00::/129', 'an IPv6 range wider than 128 bits'],
    ['10.0.0.0/8/8', 'two prefix lengths'],
    ['10.0.0.1, nginx', 'a host name in the list'],
    ['10.0.0.1,', 'an empty entry in the list'],
    ['-1', 'a negative count'],
    ['always', 'any other word'],
  ])('refuses %j (%s), naming TRUST_PROXY and the value', (value) => {
    let caught: unknown;
    try {
      loadConfig({ TRUST_PROXY: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe(
      "TRUST_PROXY: must be true (one proxy), a number of proxies (1–10), or the proxies' " +
        `addresses or CIDR ranges, comma-separated (got "${value}")`,
    );
  });
});

describe('#loadConfig HTTP timeouts', () => {
  it('defaults to 20 s for headers, 120 s per request and 65 s of idle keep-alive', () => {
    expect(loadConfig({}).http).toEqual({
      headersMs: 20_000,
      requestMs: 120_000,
      keepAliveMs: 65_000,
    });
    expect(
      loadConfig({
        HTTP_HEADERS_TIMEOUT_MS: '5000',
        HTTP_REQUEST_TIMEOUT_MS: '30000',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '75000',
      }).http,
    ).toEqual({ headersMs: 5_000, requestMs: 30_000, keepAliveMs: 75_000 });
  });

  it('refuses a headers timeout longer than the request timeout, and non-numbers, by name', () => {
    expect(() =>
      loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '30000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '65s' })).toThrow(
      /HTTP_KEEP_ALIVE_TIMEOUT_MS: must be a number of milliseconds \(got "65s"\)/,
    );
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '50' })).toThrow(
      /HTTP_REQUEST_TIMEOUT_MS: must be between 100 and 3600000 milliseconds/,
    );
  });
});

describe('#resolveAuthSecret', () => {
  it('generates a development secret once, private to the owner, and keeps it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadline-secret-'));
    const config = loadConfig({});
    const first = resolveAuthSecret(config, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveAuthSecret(config, dir)).toBe(first);
    const file = path.join(dir, 'auth-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('prefers the configured secret', () => {
    const config = loadConfig({ BETTER_AUTH_SECRET: 's'.repeat(40) });
    expect(resolveAuthSecret(config, '/nonexistent')).toBe('s'.repeat(40));
  });
});
