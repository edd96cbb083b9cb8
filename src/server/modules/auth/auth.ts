import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Dialect } from '../../db/connect.ts';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/time.ts';

/** The header our Fastify bridge sets from `request.ip`; any client-sent value is replaced. */
export const CLIENT_IP_HEADER = 'x-leadline-client-ip';

export interface AuthDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  config: Config;
  secret: string;
  baseURL: string;
  isSignupAllowed: () => Promise<boolean>;
}

const DAY = 24 * 60 * 60;

export function createAuth({ db, dialect, config, secret, baseURL, isSignupAllowed }: AuthDeps) {
  return betterAuth({
    appName: 'Leadline',
    baseURL,
    basePath: '/api/auth',
    secret,
    database: { db, type: dialect },
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
    },
    user: {
      modelName: 'users',
      additionalFields: {
        role: { type: 'string', required: false, input: false, defaultValue: 'sales' },
        active: { type: 'boolean', required: false, input: false, defaultValue: true },
        title: { type: 'string', required: false, input: false },
        phone: { type: 'string', required: false, input: false },
        lastLoginAt: { type: 'date', required: false, input: false },
      },
    },
    // Sliding expiry is the idle timeout; the absolute lifetime is enforced by the auth guard.
    session: {
      modelName: 'sessions',
      expiresIn: config.session.idleDays * DAY,
      updateAge: Math.min(DAY, (config.session.idleDays * DAY) / 2),
      // Read with every session so the auth guard knows when to write it again.
      additionalFields: { lastSeenAt: { type: 'date', required: false, input: false } },
    },
    account: { modelName: 'accounts' },
    verification: { modelName: 'verifications' },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rate_limits',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/sign-up/email': { window: 60, max: 5 },
      },
    },
    advanced: {
      cookiePrefix: 'leadline',
      useSecureCookies: baseURL.startsWith('https://') || config.env === 'production',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      database: { generateId: () => newId() },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Leadline's own origin check (http/origin-check.ts) guards every unsafe request,
      // /api/auth included, against the origins the request was actually sent to.
      disableCSRFCheck: true,
      disableOriginCheck: true,
    },
    telemetry: { enabled: false },
    // A wrong password is not a server problem: it lands in the audit log, not in stderr.
    logger: { level: 'error' },
    databaseHooks: {
      user: {
        create: {
          // Only self sign-up creates users through Better Auth; setup, the CLI and admins
          // create them through the users service. So this is the sign-up gate.
          before: async (user) => {
            if (!(await isSignupAllowed())) {
              throw new APIError('FORBIDDEN', { message: 'Sign-up is disabled on this server.' });
            }
            return { data: { ...user, role: 'sales', active: true } };
          },
        },
      },
      session: {
        create: {
          before: async (session) => {
            const user = await db
              .selectFrom('users')
              .select('active')
              .where('id', '=', session.userId)
              .executeTakeFirst();
            if (!user?.active) {
              throw new APIError('FORBIDDEN', { message: 'This account has been deactivated.' });
            }
          },
          after: async (session) => {
            await db
              .updateTable('users')
              .set({ lastLoginAt: nowIso() })
              .where('id', '=', session.userId)
              .execute();
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
