import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const origin = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== 'null';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL such as https://crm.example.com')
  .transform((value) => new URL(value).origin);

/** An IPv4 or IPv6 address, or a CIDR range of them (10.0.0.0/8, fd00::/8). */
function isAddressOrRange(value: string): boolean {
  const [address = '', bits, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * Which proxies' `X-Forwarded-For` entries to believe. `true` is one hop: the client is the address
 * the nearest proxy appended, and whatever the client itself put in the header is ignored
 * (believing every hop let a client pick its own IP, escaping the per-IP sign-in limit). A number
 * is that many proxies in a row; a list names the proxies' addresses or ranges.
 */
export type TrustProxy = false | number | string[];

const trustProxy = z
  .string()
  .trim()
  .transform((value, context): TrustProxy => {
    const lower = value.toLowerCase();
    if (['', 'false', '0', 'no'].includes(lower)) return false;
    if (['true', 'yes'].includes(lower)) return 1;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 10) return hops;
    }
    const addresses = value.split(',').map((part) => part.trim());
    if (addresses.every(isAddressOrRange)) return addresses;
    context.addIssue({
      code: 'custom',
      message:
        "must be true (one proxy), a number of proxies (1–10), or the proxies' addresses or CIDR ranges, comma-separated",
    });
    return z.NEVER;
  });

const milliseconds = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(min, `must be between ${min} and ${max} milliseconds`)
    .max(max, `must be between ${min} and ${max} milliseconds`);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('localhost'),
  DATABASE_URL: z
    .string()
    .trim()
    .default('file:./data/leadline.db')
    .refine(
      (value) => /^(file:.+|postgres(ql)?:\/\/.+)$/.test(value),
      'must be file:<path> for SQLite or postgres://user@host:port/db for PostgreSQL',
    ),
  PUBLIC_URL: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  BETTER_AUTH_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (try: openssl rand -base64 32)')
    .optional(),
  ALLOW_SIGNUP: booleanFlag.default(false),
  TRUST_PROXY: trustProxy.default(false),
  HTTP_HEADERS_TIMEOUT_MS: milliseconds(100, 600_000).default(20_000),
  HTTP_REQUEST_TIMEOUT_MS: milliseconds(100, 3_600_000).default(120_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds(100, 3_600_000).default(65_000),
  SQLITE_SYNCHRONOUS: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['normal', 'full'], { error: 'must be normal or full' }))
    .default('normal'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SESSION_IDLE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  ANALYTICS_CACHE_SIZE: z.coerce.number().int().min(0).max(100_000).default(500),
});

/**
 * When SQLite waits for the disk. `normal` (WAL): a commit is in the OS's hands, so it survives
 * the process dying, but a power loss or kernel crash may undo the last commits (the file stays
 * consistent). `full`: every commit waits for its fsync and survives those too, at a cost.
 */
export type SqliteSynchronous = 'normal' | 'full';

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string; synchronous?: SqliteSynchronous }
  | { dialect: 'postgres'; connectionString: string };

export interface HttpTimeouts {
  /** Time a client has to send a request's headers. */
  headersMs: number;
  /** Time a client has to send a whole request, body included. */
  requestMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveMs: number;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Origins (scheme://host:port) the server answers as; trusted for cross-site checks. */
  publicOrigins: string[];
  authSecret: string | undefined;
  allowSignupFromEnv: boolean;
  trustProxy: TrustProxy;
  http: HttpTimeouts;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  session: { maxAgeDays: number; idleDays: number };
  /** Analytics summaries kept per process, reused until their leads change (0: none). */
  analyticsCacheSize: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length);
    return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  return { dialect: 'postgres', connectionString: url };
}

/** PostgreSQL's durability is the server's own (`synchronous_commit`), so it takes none. */
function withSynchronous(target: DatabaseTarget, synchronous: SqliteSynchronous): DatabaseTarget {
  return target.dialect === 'sqlite' ? { ...target, synchronous } : target;
}

/** Reads and validates the environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(
    Object.fromEntries(
      Object.keys(envSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
    ),
  );
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const raw = env[name];
        return `${name}: ${issue.message}${raw === undefined ? '' : ` (got "${raw}")`}`;
      }),
    );
  }
  const values = result.data;
  if (values.HTTP_HEADERS_TIMEOUT_MS > values.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError([
      `HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS (${values.HTTP_REQUEST_TIMEOUT_MS})`,
    ]);
  }
  if (values.NODE_ENV === 'production' && !values.BETTER_AUTH_SECRET) {
    throw new ConfigError([
      'BETTER_AUTH_SECRET: is required when NODE_ENV=production (try: openssl rand -base64 32)',
    ]);
  }
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    database: withSynchronous(parseDatabaseUrl(values.DATABASE_URL), values.SQLITE_SYNCHRONOUS),
    publicOrigins: values.PUBLIC_URL,
    authSecret: values.BETTER_AUTH_SECRET,
    allowSignupFromEnv: values.ALLOW_SIGNUP,
    trustProxy: values.TRUST_PROXY,
    http: {
      headersMs: values.HTTP_HEADERS_TIMEOUT_MS,
      requestMs: values.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveMs: values.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    logLevel: values.LOG_LEVEL,
    session: { maxAgeDays: values.SESSION_MAX_AGE_DAYS, idleDays: values.SESSION_IDLE_DAYS },
    analyticsCacheSize: values.ANALYTICS_CACHE_SIZE,
  };
}

/**
 * Development convenience: a secret generated once and kept in ./data so sessions survive
 * restarts. Production must configure BETTER_AUTH_SECRET (enforced by loadConfig).
 */
export function resolveAuthSecret(config: Config, dataDir = path.resolve('data')): string {
  if (config.authSecret) return config.authSecret;
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
