import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from './db/connect.ts';

const cliPath = path.join(import.meta.dirname, 'cli.ts');

describe('npm run cli -- create-user', () => {
  let dir: string;
  let databaseUrl: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'leadline-cli-'));
    databaseUrl = `file:${path.join(dir, 'cli.db')}`;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', cliPath, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' },
      input: input ?? '',
      encoding: 'utf8',
    });

  const createUser = (options: Record<string, string>, input?: string) =>
    cli(
      ['create-user', ...Object.entries(options).flatMap(([name, value]) => [`--${name}`, value])],
      input,
    );

  async function users() {
    const database = connect({ dialect: 'sqlite', file: databaseUrl.slice('file:'.length) });
    try {
      return await database.db.selectFrom('users').select(['email', 'role', 'name']).execute();
    } finally {
      await database.close();
    }
  }

  it('creates a user with the given role, and reads the password from stdin', async () => {
    const withFlag = createUser({
      email: 'Boss@Example.com',
      name: 'Boss',
      role: 'admin',
      password: 'long enough',
    });
    expect(withFlag.status).toBe(0);
    expect(withFlag.stdout).toContain('Created admin Boss <boss@example.com>');
    const fromStdin = createUser(
      { email: 'rep@example.com', name: 'Rep', role: 'sales' },
      'piped secret\n',
    );
    expect(fromStdin.status).toBe(0);
    expect(await users()).toEqual([
      { email: 'boss@example.com', role: 'admin', name: 'Boss' },
      { email: 'rep@example.com', role: 'sales', name: 'Rep' },
    ]);
  });

  it('fails with a clear message and exit 1 on bad input or an existing email', async () => {
    const bad = createUser({ email: 'nope', name: '', role: 'boss', password: 'short' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--email: Enter a valid email address');
    expect(bad.stderr).toContain('--role: Must be one of admin, manager, sales, viewer');
    expect(bad.stderr).toContain('--password: Must be at least 8 characters');

    const ok = createUser({
      email: 'a@example.com',
      name: 'A',
      role: 'viewer',
      password: 'long enough',
    });
    expect(ok.status).toBe(0);
    const again = createUser({
      email: 'A@EXAMPLE.com',
      name: 'A',
      role: 'viewer',
      password: 'long enough',
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('A user with this email already exists');
    expect(await users()).toHaveLength(1);

    const badOption = cli(['create-user', '--emial', 'typo@example.com']);
    expect(badOption.status).toBe(1);
    expect(badOption.stderr).toContain("Unknown option '--emial'");

    const unknown = cli(['frobnicate']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  });
});

describe('npm run cli -- check-deploy', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'leadline-deploy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const checkDeploy = (env: Record<string, string>, args: string[] = []) =>
    spawnSync(process.execPath, ['--import', 'tsx', cliPath, 'check-deploy', ...args], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BETTER_AUTH_SECRET: 'q7Vx2pLr9ZcT4mWn8bKd1sYh6gJf3aEu0oNi5tRw',
        PUBLIC_URL: 'https://crm.example.com',
        HOST: '127.0.0.1',
        PORT: '3000',
        TRUST_PROXY: 'false',
        ALLOW_SIGNUP: 'false',
        LOG_LEVEL: 'info',
        DATABASE_URL: `file:${path.join(dir, 'leadline.db')}`,
        ...env,
      },
      encoding: 'utf8',
    });

  it('passes a safe setup, and names every unsafe setting with exit 1', () => {
    chmodSync(dir, 0o700);
    const safe = checkDeploy({});
    expect(safe.stdout).toContain('No problems found');
    expect(safe.status).toBe(0);
    // Checking creates no database file.
    expect(existsSync(path.join(dir, 'leadline.db'))).toBe(false);

    chmodSync(dir, 0o755);
    const unsafe = checkDeploy({
      BETTER_AUTH_SECRET: '',
      PUBLIC_URL: 'http://crm.example.com',
      ALLOW_SIGNUP: 'true',
      LOG_LEVEL: 'debug',
      HOST: '0.0.0.0',
    });
    expect(unsafe.status).toBe(1);
    for (const setting of [
      'BETTER_AUTH_SECRET',
      'PUBLIC_URL',
      'ALLOW_SIGNUP',
      'LOG_LEVEL',
      'HOST',
      'DATABASE_URL',
    ]) {
      expect(unsafe.stdout).toContain(`ERROR   ${setting}:`);
    }
    expect(unsafe.stdout).toContain('6 error(s), 0 warning(s).');

    const intended = checkDeploy({ ALLOW_SIGNUP: 'true' }, ['--allow-signup']);
    expect(intended.stdout).not.toContain('ALLOW_SIGNUP');
  });
});
