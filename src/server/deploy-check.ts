import { statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';

/** One unsafe (or doubtful) part of a production setup, with what to do about it. */
export interface Finding {
  severity: 'error' | 'warning';
  setting: string;
  problem: string;
  fix: string;
}

export interface DeployFacts {
  config: Config;
  /** Sign-up as switched on by an admin in Settings (null: the database could not be read). */
  signupInSettings: boolean | null;
  /** The operator says anyone may register (`--allow-signup`). */
  signupIntended: boolean;
  /** File permissions, injectable for tests. */
  modeOf?: (file: string) => number | null;
}

const everyInterface = new Set(['0.0.0.0', '::', '[::]']);
const placeholder = /change.?me|example|secret|password|leadline|placeholder/i;

function fileMode(file: string): number | null {
  try {
    return statSync(file).mode;
  } catch {
    return null;
  }
}

/** Rough strength of a secret: distinct characters, and no placeholder words. */
function weakSecret(secret: string): string | null {
  if (new Set(secret).size < 16) return 'repeats too few different characters';
  if (placeholder.test(secret)) return 'looks like a placeholder, not a random value';
  return null;
}

/**
 * What `npm run cli -- check-deploy` reports, like Django's `check --deploy`: every setting that
 * makes a production deployment unsafe. Errors fail the check; warnings are worth a look.
 */
export function checkDeploy(facts: DeployFacts): Finding[] {
  const { config } = facts;
  const modeOf = facts.modeOf ?? fileMode;
  const findings: Finding[] = [];
  const error = (setting: string, problem: string, fix: string) =>
    findings.push({ severity: 'error', setting, problem, fix });

  if (config.env !== 'production') {
    error(
      'NODE_ENV',
      `is "${config.env}": cookies are not marked Secure and errors say more than they should`,
      'set NODE_ENV=production',
    );
  }
  if (!config.authSecret) {
    error(
      'BETTER_AUTH_SECRET',
      'is not set: sessions would be signed with a development secret from ./data',
      'set it to a random value: openssl rand -base64 32',
    );
  } else {
    const weakness = weakSecret(config.authSecret);
    if (weakness) {
      error('BETTER_AUTH_SECRET', weakness, 'replace it with: openssl rand -base64 32');
    }
  }
  if (config.publicOrigins.length === 0) {
    error(
      'PUBLIC_URL',
      'is not set: the cross-site check and the links the server builds need the public origin',
      'set PUBLIC_URL=https://crm.example.com',
    );
  }
  for (const origin of config.publicOrigins) {
    if (!origin.startsWith('https://')) {
      error(
        'PUBLIC_URL',
        `${origin} is not https: passwords and session cookies would cross the network in clear`,
        'serve Leadline over https (a reverse proxy terminating TLS) and use the https origin',
      );
    }
  }
  const signupOn = config.allowSignupFromEnv || facts.signupInSettings === true;
  if (signupOn && !facts.signupIntended) {
    error(
      config.allowSignupFromEnv ? 'ALLOW_SIGNUP' : 'Settings → sign-up',
      'is on: anyone who reaches the site can create an account (as Sales)',
      'turn it off, or confirm it is intended with check-deploy --allow-signup',
    );
  }
  if (config.logLevel === 'debug' || config.logLevel === 'trace') {
    error(
      'LOG_LEVEL',
      `is "${config.logLevel}": request details end up in the logs`,
      'use LOG_LEVEL=info (or warn)',
    );
  }
  if (everyInterface.has(config.host) && !config.trustProxy) {
    findings.push({
      severity: config.port === 3000 ? 'error' : 'warning',
      setting: 'HOST',
      problem: `${config.host}:${config.port} answers on every network interface, and TRUST_PROXY is off: the app is reachable directly, without the proxy that terminates TLS`,
      fix: 'listen on 127.0.0.1 behind the proxy, or set TRUST_PROXY=true (one proxy) when a proxy is in front',
    });
  }
  if (config.database.dialect === 'sqlite' && config.database.file !== ':memory:') {
    // Others reach the file if they may enter its directory and read it (or, before the file
    // exists, the one SQLite will create with the usual umask).
    const { file } = config.database;
    const directory = path.dirname(file);
    const dirMode = modeOf(directory);
    const mode = modeOf(file);
    if (dirMode !== null && dirMode & 0o001 && (mode === null || mode & 0o004)) {
      const shown = mode === null ? directory : file;
      const bits = ((mode ?? dirMode) & 0o777).toString(8);
      error(
        'DATABASE_URL',
        `${shown} is open to every user on this machine (mode ${bits}): the database holds password hashes and every lead`,
        `chmod 700 ${directory}${mode === null ? '' : ` && chmod 600 ${file}`}`,
      );
    }
  }
  return findings;
}

export function formatFindings(findings: Finding[]): string {
  if (findings.length === 0) return 'No problems found: this setup is fit for production.';
  const lines = findings.map(
    (finding) =>
      `${finding.severity === 'error' ? 'ERROR  ' : 'WARNING'} ${finding.setting}: ${finding.problem}.\n        Fix: ${finding.fix}.`,
  );
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return `${lines.join('\n')}\n\n${errors} error(s), ${findings.length - errors} warning(s).`;
}
