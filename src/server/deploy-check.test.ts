import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { checkDeploy, type DeployFacts, formatFindings } from './deploy-check.ts';

const SAFE_ENV = {
  NODE_ENV: 'production',
  BETTER_AUTH_SECRET: 'q7Vx2pLr9ZcT4mWn8bKd1sYh6gJf3aEu0oNi5tRw',
  PUBLIC_URL: 'https://crm.example.com',
  HOST: '127.0.0.1',
  DATABASE_URL: 'file:/srv/leadline/leadline.db',
};

function check(env: Record<string, string> = {}, facts: Partial<DeployFacts> = {}) {
  return checkDeploy({
    config: loadConfig({ ...SAFE_ENV, ...env }),
    signupInSettings: false,
    signupIntended: false,
    // The database directory is private (700) and the file 600 unless a test says otherwise.
    modeOf: (file) => (file.endsWith('.db') ? 0o100600 : 0o40700),
    ...facts,
  });
}
const settings = (env: Record<string, string> = {}, facts: Partial<DeployFacts> = {}) =>
  check(env, facts).map((finding) => `${finding.severity} ${finding.setting}`);

describe('checkDeploy', () => {
  it('passes a safe production setup', () => {
    expect(check()).toEqual([]);
    expect(formatFindings(check())).toMatch(/No problems found/);
  });

  it('refuses a weak or placeholder secret, and a development environment', () => {
    expect(settings({ BETTER_AUTH_SECRET: 'a'.repeat(40) })).toEqual(['error BETTER_AUTH_SECRET']);
    expect(settings({ BETTER_AUTH_SECRET: 'change-me-change-me-change-me-0123456789' })).toEqual([
      'error BETTER_AUTH_SECRET',
    ]);
    expect(settings({ NODE_ENV: 'development', BETTER_AUTH_SECRET: '' })).toEqual([
      'error NODE_ENV',
      'error BETTER_AUTH_SECRET',
    ]);
  });

  it('refuses a public URL that is missing or not https', () => {
    expect(settings({ PUBLIC_URL: '' })).toEqual(['error PUBLIC_URL']);
    expect(settings({ PUBLIC_URL: 'https://crm.example.com,http://crm.example.com' })).toEqual([
      'error PUBLIC_URL',
    ]);
  });

  it('refuses open sign-up unless it is confirmed as intended', () => {
    expect(settings({ ALLOW_SIGNUP: 'true' })).toEqual(['error ALLOW_SIGNUP']);
    expect(settings({}, { signupInSettings: true })).toEqual(['error Settings → sign-up']);
    expect(settings({ ALLOW_SIGNUP: 'true' }, { signupIntended: true })).toEqual([]);
  });

  it('refuses debug logging', () => {
    expect(settings({ LOG_LEVEL: 'debug' })).toEqual(['error LOG_LEVEL']);
    expect(settings({ LOG_LEVEL: 'trace' })).toEqual(['error LOG_LEVEL']);
  });

  it('refuses the default port on every interface without a proxy setting', () => {
    expect(settings({ HOST: '0.0.0.0' })).toEqual(['error HOST']);
    expect(settings({ HOST: '::', PORT: '8080' })).toEqual(['warning HOST']);
    expect(settings({ HOST: '0.0.0.0', TRUST_PROXY: 'true' })).toEqual([]);
  });

  it('refuses a SQLite file other users on the machine can read', () => {
    const open = (file: string) => (file.endsWith('.db') ? 0o100644 : 0o40755);
    expect(check({}, { modeOf: open })).toMatchObject([
      { severity: 'error', setting: 'DATABASE_URL', fix: expect.stringContaining('chmod 700') },
    ]);
    // A 644 file in a private directory is out of reach; a missing file in an open one is not.
    expect(settings({}, { modeOf: (file) => (file.endsWith('.db') ? 0o100644 : 0o40700) })).toEqual(
      [],
    );
    expect(settings({}, { modeOf: (file) => (file.endsWith('.db') ? null : 0o40755) })).toEqual([
      'error DATABASE_URL',
    ]);
    expect(settings({ DATABASE_URL: 'postgres://leadline@db/leadline' }, { modeOf: open })).toEqual(
      [],
    );
  });
});
