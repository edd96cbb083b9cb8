import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
