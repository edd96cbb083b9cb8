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
