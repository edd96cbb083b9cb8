import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import type { Role } from '../../contracts/users.ts';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { Dialect } from '../db/connect.ts';
import type { User } from '../db/schema.ts';
import { createUser } from '../modules/users/service.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

export const TEST_ORIGIN = 'http://localhost:3000';
export const TEST_PASSWORD = 'correct horse battery';

type InjectOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
};

/** A signed-in user and a request function that carries their session. */
export interface Session {
  user: User;
  cookie: string;
  request(url: string, options?: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  request(
    url: string,
    options?: InjectOptions & { cookie?: string },
  ): Promise<LightMyRequestResponse>;
  /** Creates a user with this role (and a unique email) and signs them in. */
  signIn(role: Role, overrides?: { name?: string; email?: string }): Promise<Session>;
  close(): Promise<void>;
}

let sequence = 0;

export function cookieHeader(response: LightMyRequestResponse): string {
  return response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

export async function createTestApp(
  dialect: Dialect,
  env: Record<string, string> = {},
  options: { onRoute?: (route: RouteOptions) => void; webRoot?: string } = {},
): Promise<TestApp> {
  const testDatabase: TestDatabase = await createTestDatabase(dialect);
  const config: Config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: TEST_ORIGIN, ...env });
  const app = await buildApp({
    config,
    database: testDatabase.database,
    authSecret: 'test-secret-that-is-at-least-32-characters-long',
    webRoot: options.webRoot ?? null,
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
  });
  const ctx: AppContext = {
    db: testDatabase.database.db,
    dialect: testDatabase.database.dialect,
    config,
  };

  const request: TestApp['request'] = (url, options = {}) => {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = {
      host: 'localhost:3000',
      ...(method !== 'GET' ? { origin: TEST_ORIGIN } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    };
    // An empty value drops a default header (say, a request with no Origin at all).
    for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
    return app.inject({
      method,
      url,
      headers,
      ...(options.query ? { query: options.query } : {}),
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
  };

  const signIn: TestApp['signIn'] = async (role, overrides = {}) => {
    sequence += 1;
    const email = overrides.email ?? `${role}${sequence}@example.com`;
    const user = await createUser(
      ctx,
      { name: overrides.name ?? `${role} ${sequence}`, email, role, password: TEST_PASSWORD },
      null,
    );
    const response = await request('/api/auth/sign-in/email', {
      method: 'POST',
      body: { email, password: TEST_PASSWORD },
    });
    if (response.statusCode !== 200) {
      throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    }
    const cookie = cookieHeader(response);
    return {
      user,
      cookie,
      request: (url, options = {}) => request(url, { ...options, cookie }),
    };
  };

  return {
    app,
    ctx,
    request,
    signIn,
    close: async () => {
      await app.close();
      await testDatabase.dispose();
    },
  };
}
